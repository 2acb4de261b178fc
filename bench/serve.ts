// One server under load, in its own process so the load generator never shares its event loop.
// Usage: tsx bench/serve.ts bare | emulator | proxy <upstreamUrl> | proxy-node-http <upstreamUrl>
// Prints one JSON line `{ "url": … }` once listening, then serves until killed.
import { createServer } from 'node:http'
import { startEmulator } from 'react-stigg/emulator'
import { bareHandler, benchApiKey, createBenchProxy, listen } from './fixtures'
import { createNodeHttpFetch } from './nodeHttpFetch'

async function start(kind: string | undefined, upstreamUrl: string | undefined): Promise<string> {
  if (kind === 'bare') return listen(createServer(bareHandler))
  if (kind === 'emulator') return (await startEmulator({ port: 0, apiKey: benchApiKey })).url
  if (kind === 'proxy' && upstreamUrl !== undefined) return listen(createServer(createBenchProxy(upstreamUrl)))
  if (kind === 'proxy-node-http' && upstreamUrl !== undefined) {
    return listen(createServer(createBenchProxy(upstreamUrl, createNodeHttpFetch())))
  }
  throw new Error(`bench/serve.ts: expected "bare", "emulator", "proxy <upstreamUrl>" or "proxy-node-http <upstreamUrl>", got "${process.argv.slice(2).join(' ')}"`)
}

start(process.argv[2], process.argv[3]).then(
  (url) => process.stdout.write(`${JSON.stringify({ url })}\n`),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  },
)
