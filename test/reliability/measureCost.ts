/**
 * Measures what hostile documents cost the process that serves them: run in its own Node with
 * `--expose-gc` (amplification.test.ts spawns it), so heap figures after `gc()` are real and no
 * other test shares the event loop. Proxy (node:http via toNodeHandler) and emulator run in this
 * one process, as with the Vite dev plugin, so a document that slipped past the proxy's limit
 * would show in these figures too. Prints one JSON object on stdout.
 */
import { createServer, request as httpRequest, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { startEmulator } from '../../src/emulator'
import { toNodeHandler, type StiggDialectName } from '../../src/server'
import { entitlementsDocument } from '../../src/core/documents'
import { amplified, ME } from './attackCatalog'

const KEY = 'sk_measure_cost_key_5b2e'
const gc = (globalThis as { gc?: () => void }).gc
if (!gc) throw new Error('measureCost.ts needs node --expose-gc')

function post(port: number, path: string, body: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method: 'POST', headers: { 'content-type': 'application/json', cookie: `session=${ME}`, ...headers } }, (res) => {
      const parts: Buffer[] = []
      res.on('data', (part: Buffer) => parts.push(part))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(parts).toString('utf8') }))
    })
    req.on('error', reject)
    req.end(body)
  })
}

const heapAfterGc = (): number => {
  gc()
  gc()
  return process.memoryUsage().heapUsed
}

const listen = (server: Server) => new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)))

const emulator = await startEmulator({ apiKey: KEY })
const proxies: Record<StiggDialectName, number> = { seed: 0, stigg: 0 }
const servers: Server[] = []
for (const dialect of ['seed', 'stigg'] as const) {
  const upstreamUrl = dialect === 'seed' ? emulator.url : emulator.url.replace(/\/graphql$/, '/hosted/graphql')
  const handler = toNodeHandler({
    apiKey: KEY,
    upstreamUrl,
    dialect,
    identify: (request) => ({ customerId: /session=([^;]+)/.exec(request.headers.get('cookie') ?? '')?.[1] ?? ME }),
  })
  const server = createServer((req, res) => handler(req, res))
  servers.push(server)
  proxies[dialect] = await listen(server)
}

/** The worst event-loop delay and the heap growth while `run` goes, measured around it. */
async function measure(run: () => Promise<unknown>): Promise<{ maxBlockMs: number; heapGrowthMb: number; wallMs: number }> {
  const before = heapAfterGc()
  const delay = monitorEventLoopDelay({ resolution: 5 })
  delay.enable()
  const started = performance.now()
  await run()
  const wallMs = performance.now() - started
  delay.disable()
  const heapGrowthMb = (heapAfterGc() - before) / 2 ** 20
  return { maxBlockMs: delay.max / 1e6, heapGrowthMb, wallMs }
}

// Warm-up: each endpoint builds its schema on first use; that one-time cost is not what is measured.
const emulatorPort = Number(new URL(emulator.url).port)
await post(emulatorPort, '/graphql', JSON.stringify({ query: '{ __typename }' }), { 'x-api-key': KEY })
await post(emulatorPort, '/hosted/graphql', JSON.stringify({ query: '{ __typename }' }), { 'x-api-key': KEY })
for (const port of Object.values(proxies)) {
  await post(port, '/', JSON.stringify({ query: entitlementsDocument(1), variables: { customerId: ME, f0: 'feature-sso' } }))
}

const statuses: Record<string, number[]> = {}
const record = (name: string, status: number) => (statuses[name] ??= []).push(status)
const forwardedBefore = emulator.emulator.requests.length

const results: Record<string, unknown> = {}
for (const dialect of ['seed', 'stigg'] as const) {
  const port = proxies[dialect]
  results[`amplification_${dialect}`] = await measure(async () => {
    for (let i = 0; i < 5; i++) record(`amplified_${dialect}`, (await post(port, '/', JSON.stringify({ query: amplified() }))).status)
    for (let i = 0; i < 5; i++) record(`tokenLimit_${dialect}`, (await post(port, '/', JSON.stringify({ query: amplified(100, 230, 560) }))).status)
  })
}
// The emulator's own limit, for callers that skip the proxy (Stigg's SDKs, a test, a misconfigured app).
results['amplification_emulatorDirect'] = await measure(async () => {
  const port = emulatorPort
  for (let i = 0; i < 5; i++) record('emulatorDirect', (await post(port, '/graphql', JSON.stringify({ query: amplified() }), { 'x-api-key': KEY })).status)
  const hosted = `{ ${Array.from({ length: 100 }, (_, i) => `r${i}: plans { ...P }`).join(' ')} } fragment P on Plan { ${Array.from({ length: 100 }, (_, i) => `m${i}: __typename`).join(' ')} }`
  for (let i = 0; i < 5; i++) record('emulatorDirectHosted', (await post(port, '/hosted/graphql', JSON.stringify({ query: hosted }), { 'x-api-key': KEY })).status)
})

// Retention: distinct refused documents must leave nothing behind.
results['retention_refused'] = await measure(async () => {
  for (let i = 0; i < 300; i++) {
    const query = `query Q${i} { ${'__typename '.repeat(4990)}}`
    record('refused', (await post(proxies.seed, '/', JSON.stringify({ query }))).status)
  }
})
// Retention: distinct accepted documents (the client's largest batch, made distinct by a comment) stay within the cache's byte bound.
results['retention_accepted'] = await measure(async () => {
  for (let i = 0; i < 300; i++) {
    const variables: Record<string, string> = { customerId: ME }
    for (let f = 0; f < 100; f++) variables[`f${f}`] = 'feature-sso'
    const query = `# distinct ${i}\n${entitlementsDocument(100)}`
    record('accepted', (await post(proxies.seed, '/', JSON.stringify({ query, variables }))).status)
  }
})

results['statuses'] = statuses
// Amplified and refused documents must not have reached the emulator through the proxy.
results['forwardedThroughProxy'] = emulator.emulator.requests.length - forwardedBefore
console.log(JSON.stringify(results))
for (const server of servers) server.close()
await emulator.close()
