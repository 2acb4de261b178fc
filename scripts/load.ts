/**
 * `npm run load`: proxy → emulator on loopback, each in its own process, under autocannon.
 * LOAD_SECONDS (default 30) at LOAD_CONNECTIONS (default 50) keep-alive connections, each sending
 * the client's own batched entitlement request for 4 features. Prints p50/p99 and exits 1 on any
 * error: a connection error, a timeout, a non-2xx answer, a GraphQL error, or a proxy event
 * other than `allowed`.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import autocannon from 'autocannon'
import { entitlementsDocument } from '../src/core/documents'

const seconds = Number(process.env.LOAD_SECONDS ?? 30)
const connections = Number(process.env.LOAD_CONNECTIONS ?? 50)
for (const [name, value] of [['LOAD_SECONDS', seconds], ['LOAD_CONNECTIONS', connections]] as const) {
  if (!Number.isInteger(value) || value <= 0) {
    console.error(`load: ${name} must be a positive integer, got '${process.env[name]}'`)
    process.exit(2)
  }
}

const root = fileURLToPath(new URL('..', import.meta.url))
const customer = 'customer-pro' // scripts/loadServer.ts identifies this session cookie
const features = ['feature-api-calls', 'feature-seats', 'feature-analytics', 'feature-sso']
const variables: Record<string, string> = { customerId: customer }
features.forEach((featureId, i) => (variables[`f${i}`] = featureId))
const body = JSON.stringify({ query: entitlementsDocument(features.length), variables })
const headers = { 'content-type': 'application/json', cookie: `session=${customer}` }

interface Child {
  process: ChildProcess
  lines: AsyncIterator<string>
}

async function spawnServer(...args: string[]): Promise<Child & { url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/loadServer.ts', ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  // An interrupted run must not leave servers behind.
  process.once('exit', () => child.kill())
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]()
  const first = await lines.next()
  if (first.done === true) throw new Error(`load: scripts/loadServer.ts ${args.join(' ')} exited before listening`)
  return { process: child, lines, url: (JSON.parse(first.value) as { url: string }).url }
}

async function checkAnswer(url: string): Promise<void> {
  const response = await fetch(url, { method: 'POST', headers, body })
  const answer = (await response.json()) as { data?: Record<string, unknown> | null; errors?: unknown }
  if (response.status !== 200 || answer.errors !== undefined || Object.keys(answer.data ?? {}).length !== features.length) {
    throw new Error(`load: the proxy answered ${response.status} ${JSON.stringify(answer).slice(0, 300)}`)
  }
}

const emulator = await spawnServer('emulator')
const proxy = await spawnServer('proxy', emulator.url)
let failed = false
try {
  await checkAnswer(proxy.url)
  console.log(`load: ${seconds} s, ${connections} connections, proxy → emulator on loopback, ${features.length}-feature entitlement batch`)
  const result = await autocannon({ url: proxy.url, method: 'POST', headers, body, connections, duration: seconds })
  await checkAnswer(proxy.url) // still healthy after the run
  proxy.process.kill('SIGTERM')
  const report = await proxy.lines.next()
  if (report.done === true) throw new Error('load: the proxy exited without reporting its events')
  const events = (JSON.parse(report.value) as { events: Record<string, number> }).events
  const errors = result.errors + result.timeouts + result.non2xx
  const notAllowed = Object.entries(events).filter(([name]) => name !== 'allowed')
  console.log(`load: ${result['2xx'].toLocaleString('en-US')} requests answered 200, ${result.requests.average.toFixed(0)} req/s`)
  console.log(`load: latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`)
  console.log(`load: errors ${result.errors}, timeouts ${result.timeouts}, non-2xx ${result.non2xx}; proxy events ${JSON.stringify(events)}`)
  failed = errors > 0 || notAllowed.length > 0 || result['2xx'] === 0
  if (failed) console.error('load: FAILED — every request must succeed')
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  failed = true
} finally {
  proxy.process.kill()
  emulator.process.kill()
}
process.exit(failed ? 1 : 0)
