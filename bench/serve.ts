// One server under load, in its own process so the load generator never shares its event loop.
// Usage: tsx bench/serve.ts bare | emulator | proxy <upstreamUrl> | proxy-fetch <upstreamUrl> | forwarder <upstreamUrl>
// Prints one JSON line `{ "url": … }` once listening, then serves until killed.
import { createServer } from 'node:http'
import { startEmulator } from 'react-stigg/emulator'
import { bareHandler, benchApiKey, createBenchProxy, createForwarder, listen } from './fixtures'

async function start(kind: string | undefined, upstreamUrl: string | undefined): Promise<string> {
  if (kind === 'bare') return listen(createServer(bareHandler))
  if (kind === 'emulator') return (await startEmulator({ port: 0, apiKey: benchApiKey })).url
  if (kind === 'proxy' && upstreamUrl !== undefined) return listen(createServer(createBenchProxy(upstreamUrl)))
  if (kind === 'forwarder' && upstreamUrl !== undefined) return listen(createServer(createForwarder(upstreamUrl)))
  if (kind === 'proxy-fetch' && upstreamUrl !== undefined) {
    // A `fetch` option sends every upstream call through the Fetch API, as on edge runtimes.
    return listen(createServer(createBenchProxy(upstreamUrl, (request) => globalThis.fetch(request))))
  }
  throw new Error(`bench/serve.ts: expected "bare", "emulator", "proxy <upstreamUrl>" or "proxy-fetch <upstreamUrl>", got "${process.argv.slice(2).join(' ')}"`)
}

// Exit through process.exit so `node --cpu-prof` writes its profile when the bench stops the server.
process.once('SIGTERM', () => process.exit(0))
process.once('SIGINT', () => process.exit(0))

start(process.argv[2], process.argv[3]).then(
  (url) => process.stdout.write(`${JSON.stringify({ url })}\n`),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  },
)
