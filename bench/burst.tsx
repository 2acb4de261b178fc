// Upstream economy: what reaches Stigg when 10 customers × 20 tabs mount the demo dashboard within one second.
import { Agent, createServer, request, type Server } from 'node:http'
import { startEmulator } from 'react-stigg/emulator'
import { toNodeHandler, type StiggProxyOptions } from 'react-stigg/server'
import { installDom, quiet, waitUntil } from './dom'
import { benchApiKey, customerFromCookie, listen } from './fixtures'

export interface BurstRun {
  /** Requests the tabs sent to the proxy. */
  browserRequests: number
  /** Calls that reached the upstream. */
  upstreamCalls: number
  /** upstreamCalls ÷ browserRequests. */
  callsRatio: number
  /** Browser request latency over the burst. */
  p50Ms: number
  p99Ms: number
  /** Non-200 answers and network errors. */
  failures: number
}

export interface BurstFigures {
  customers: number
  tabsPerCustomer: number
  upstreamLatencyMs: number
  /** Requests one dashboard mount sends, by customer (the tabs replay these, wave by wave). */
  requestsPerMount: Record<string, number>
  withCache: BurstRun
  /** In-flight sharing only (the default, no `cache` option). */
  withoutCache: BurstRun
}

const CUSTOMERS = 10
const TABS = 20
const LATENCY_MS = 50
const WINDOW_MS = 1_000

/** The six demo customers and four more on the pro plan. */
const customers = [
  'customer-free',
  'customer-pro',
  'customer-trial',
  'customer-canceled',
  'customer-paused',
  'customer-enterprise',
  ...Array.from({ length: CUSTOMERS - 6 }, (_, i) => `customer-burst-${i + 1}`),
]

/**
 * Mounts the demo's `<Dashboard>` for one customer in jsdom and records what it sends, in
 * waves: a request belongs to wave n when n answers had arrived before it was sent.
 */
async function captureMount(customerId: string, emulatorFetch: (request: Request) => Promise<Response>): Promise<string[][]> {
  const { createRoot } = await import('react-dom/client')
  const { StiggProvider } = await import('react-stigg')
  const { Dashboard } = await import('../demo/src/Dashboard')
  const waves: string[][] = []
  let answered = 0
  let inFlight = 0
  const recording: typeof fetch = async (input, init) => {
    const request = new Request(input, init)
    const body = await request.clone().text()
    ;(waves[answered] ??= []).push(body)
    inFlight++
    try {
      const headers = new Headers(request.headers)
      headers.set('x-api-key', benchApiKey)
      return await emulatorFetch(new Request(request, { headers }))
    } finally {
      inFlight--
      answered++
    }
  }
  const container = document.createElement('div')
  document.body.append(container)
  const root = createRoot(container)
  try {
    root.render(
      <StiggProvider url="http://127.0.0.1/api/stigg" customerId={customerId} fetch={recording} staleTime={60_000}>
        <Dashboard />
      </StiggProvider>,
    )
    await waitUntil(`the dashboard of ${customerId} to send its requests`, () => answered > 0 && inFlight === 0)
    await quiet()
    await waitUntil(`the dashboard of ${customerId} to settle`, () => inFlight === 0)
  } finally {
    root.unmount()
    container.remove()
  }
  return waves.filter((wave) => wave !== undefined)
}

/** One POST over node:http: status and body text. */
function post(url: string, agent: Agent, headers: Record<string, string>, body: string | Buffer): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', agent, headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }))
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end(body)
  })
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? Number.NaN
}

async function runBurst(upstreamUrl: string, counter: { calls: number }, mounts: Map<string, string[][]>, cache: StiggProxyOptions['cache']): Promise<BurstRun> {
  const proxy = createServer(
    toNodeHandler({
      apiKey: benchApiKey,
      upstreamUrl,
      identify: (request) => {
        const customerId = customerFromCookie(request.headers.get('cookie'))
        return customerId === null ? null : { customerId }
      },
      allow: { reportUsage: { maxValue: 100 } },
      ...(cache === undefined ? {} : { cache }),
    }),
  )
  const url = `${await listen(proxy)}/api/stigg`
  // node:http, not fetch: the tabs share this process with the proxy, and fetch's own CPU would crowd it out.
  const agent = new Agent({ keepAlive: true, maxSockets: 100 })
  const latencies: number[] = []
  let failures = 0
  const before = counter.calls
  const send = async (customerId: string, body: string) => {
    const started = performance.now()
    const status = await post(url, agent, { 'content-type': 'application/json', cookie: `stigg-bench-session=${customerId}` }, body).then(
      (answer) => answer.status,
      () => 0,
    )
    if (status !== 200) failures++
    latencies.push(performance.now() - started)
  }
  const tab = async (customerId: string, delayMs: number) => {
    await new Promise((resolve) => setTimeout(resolve, delayMs))
    for (const wave of mounts.get(customerId)!) await Promise.all(wave.map((body) => send(customerId, body)))
  }
  try {
    const tabs = customers.length * TABS
    // Spread over the window in a fixed shuffled order, so customers interleave as real mounts would.
    await Promise.all(Array.from({ length: tabs }, (_, i) => tab(customers[i % customers.length]!, ((i * 37) % tabs) * (WINDOW_MS / tabs))))
  } finally {
    agent.destroy()
    proxy.closeAllConnections()
    await new Promise((resolve) => proxy.close(resolve))
  }
  latencies.sort((a, b) => a - b)
  const upstreamCalls = counter.calls - before
  return { browserRequests: latencies.length, upstreamCalls, callsRatio: upstreamCalls / latencies.length, p50Ms: percentile(latencies, 0.5), p99Ms: percentile(latencies, 0.99), failures }
}

/**
 * Section: the emulator behind a hop that adds 50 ms and counts calls, the proxy in front
 * (in this process), and 200 tabs replaying a real dashboard mount, once with `cache` and
 * once with the defaults (in-flight sharing only).
 */
export async function measureBurst(): Promise<BurstFigures> {
  installDom()
  const emulator = await startEmulator({ port: 0, host: '127.0.0.1', apiKey: benchApiKey })
  const servers: Server[] = []
  const agents: Agent[] = []
  try {
    for (const customerId of customers.slice(6)) emulator.emulator.admin.addCustomer({ customerId, planId: 'plan-pro' })
    const mounts = new Map<string, string[][]>()
    for (const customerId of customers) mounts.set(customerId, await captureMount(customerId, (request) => emulator.emulator.fetch(request)))

    const counter = { calls: 0 }
    const hopAgent = new Agent({ keepAlive: true, maxSockets: 100 })
    agents.push(hopAgent)
    const hop = createServer((req, res) => {
      counter.calls++
      const chunks: Buffer[] = []
      req.on('data', (chunk: Buffer) => chunks.push(chunk))
      req.on('end', () => {
        setTimeout(() => {
          post(emulator.url, hopAgent, { 'content-type': 'application/json', 'x-api-key': String(req.headers['x-api-key']) }, Buffer.concat(chunks)).then(
            (answer) => {
              res.writeHead(answer.status, { 'content-type': 'application/json' })
              res.end(answer.body)
            },
            () => res.destroy(),
          )
        }, LATENCY_MS)
      })
    })
    servers.push(hop)
    const upstreamUrl = `${await listen(hop)}/graphql`
    const withoutCache = await runBurst(upstreamUrl, counter, mounts, undefined)
    const withCache = await runBurst(upstreamUrl, counter, mounts, { ttlMs: 5_000 })
    return {
      customers: customers.length,
      tabsPerCustomer: TABS,
      upstreamLatencyMs: LATENCY_MS,
      requestsPerMount: Object.fromEntries([...mounts].map(([customerId, waves]) => [customerId, waves.flat().length])),
      withCache,
      withoutCache,
    }
  } finally {
    for (const agent of agents) agent.destroy()
    for (const server of servers) {
      server.closeAllConnections()
      server.close()
    }
    await emulator.close()
  }
}
