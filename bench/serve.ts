// One server under load, in its own process so the load generator never shares its event loop.
// Usage: tsx bench/serve.ts bare | emulator | proxy <upstreamUrl> | proxy-fetch <upstreamUrl> | forwarder <upstreamUrl>
// Prints one JSON line `{ "url": … }` once listening, then serves until killed.
import { mkdirSync, rmSync } from 'node:fs'
import { createServer } from 'node:http'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { build } from 'esbuild'
import { startEmulator } from 'react-stigg/emulator'
import { bareHandler, benchApiKey, createBenchProxy, createForwarder, listen } from './fixtures'

/**
 * `react-stigg/server` as it ships: bundled from this checkout's source, as the package build
 * does, without tsx's `keepNames` transform. Under tsx every named closure a request creates
 * costs an `Object.defineProperty` call (~1 µs each, about 12 µs per proxied request, measured
 * with perf in bench/profileProxy.ts) that the published package never pays.
 */
async function shippedServer(): Promise<typeof import('react-stigg/server')> {
  const dir = resolve('node_modules/.cache/stigg-bench')
  mkdirSync(dir, { recursive: true })
  const outfile = join(dir, `server-${process.pid}.mjs`)
  await build({ entryPoints: ['src/server.ts'], bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', outfile, logLevel: 'silent' })
  try {
    return (await import(pathToFileURL(outfile).href)) as typeof import('react-stigg/server')
  } finally {
    // Kept for profiling (`node --perf-basic-prof` names its lines) with STIGG_BENCH_KEEP_BUNDLE=1.
    if (process.env.STIGG_BENCH_KEEP_BUNDLE !== '1') rmSync(outfile, { force: true })
  }
}

async function start(kind: string | undefined, upstreamUrl: string | undefined): Promise<string> {
  if (kind === 'bare') return listen(createServer(bareHandler))
  if (kind === 'emulator') return (await startEmulator({ port: 0, apiKey: benchApiKey })).url
  if (kind === 'proxy' && upstreamUrl !== undefined) return listen(createServer(createBenchProxy(upstreamUrl, undefined, (await shippedServer()).toNodeHandler)))
  if (kind === 'forwarder' && upstreamUrl !== undefined) return listen(createServer(createForwarder(upstreamUrl)))
  if (kind === 'proxy-fetch' && upstreamUrl !== undefined) {
    // A `fetch` option sends every upstream call through the Fetch API, as on edge runtimes.
    return listen(createServer(createBenchProxy(upstreamUrl, (request) => globalThis.fetch(request), (await shippedServer()).toNodeHandler)))
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
