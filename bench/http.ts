import { spawn } from 'node:child_process'
import { Agent, request } from 'node:http'
import { fileURLToPath } from 'node:url'
import { createInterface } from 'node:readline'
import autocannon from 'autocannon'
import { benchApiKey, entitlementRequestBody, sessionCookie } from './fixtures'

const root = fileURLToPath(new URL('..', import.meta.url))

export interface LoadFigures {
  /** Mean requests per second over the measured run. */
  rps: number
  p50Ms: number
  p99Ms: number
  /** Successful (2xx) responses. */
  requests: number
  /** Connection errors, timeouts and non-2xx answers: a run with any of these is not a valid figure. */
  failures: number
}

export interface HttpFigures {
  connections: number
  durationSeconds: number
  bare: LoadFigures
  emulator: LoadFigures
  proxy: LoadFigures
  /** Diagnostic: proxy → emulator with a `fetch` option (the Fetch-API upstream path edge runtimes take). */
  proxyFetch: LoadFigures
  /** emulator rps / bare rps. */
  emulatorThroughputRatio: number
  /** proxy→emulator rps / emulator rps. */
  proxyThroughputRatio: number
  /** Sequential, one keep-alive connection each, interleaved: p50(proxy→emulator) − p50(emulator). */
  proxyOverheadP50Ms: number
  sequential: { requests: number; emulatorP50Ms: number; proxyP50Ms: number }
}

interface Target {
  url: string
  headers: Record<string, string>
  body: string
}

interface ChildServer {
  url: string
  close(): void
}

/** Starts `bench/serve.ts <kind>` in its own process and waits for the URL it prints. */
function spawnServer(...args: string[]): Promise<ChildServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/serve.ts', ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout })
    child.once('exit', (code) => reject(new Error(`bench/serve.ts ${args.join(' ')} exited with code ${code} before listening`)))
    lines.once('line', (line) => {
      const { url } = JSON.parse(line) as { url: string }
      // An interrupted run must not leave servers behind.
      const kill = () => child.kill()
      process.once('exit', kill)
      resolve({
        url,
        close: () => {
          process.off('exit', kill)
          child.kill()
        },
      })
    })
  })
}

/** The emulator may answer its base URL or its GraphQL endpoint; requests go to the endpoint. */
function graphqlEndpoint(url: string): string {
  return url.endsWith('/graphql') ? url : `${url.replace(/\/$/, '')}/graphql`
}

/** One request before the run, so a broken server fails loudly instead of benchmarking its 4xx. */
async function preflight(name: string, target: Target): Promise<void> {
  const response = await fetch(target.url, { method: 'POST', headers: target.headers, body: target.body })
  const body = (await response.json()) as { data?: unknown; errors?: unknown }
  if (!response.ok || body.errors !== undefined || body.data == null) {
    throw new Error(`bench http: ${name} at ${target.url} answered ${response.status} ${JSON.stringify(body).slice(0, 300)}; fix the server before benchmarking it`)
  }
}

async function warmUp(target: Target, connections: number): Promise<void> {
  // Unmeasured: JIT and the document caches warm up outside the figures.
  await autocannon({ url: target.url, method: 'POST', headers: target.headers, body: target.body, connections, duration: 1 })
}

async function load(target: Target, connections: number, duration: number): Promise<LoadFigures> {
  const result = await autocannon({ url: target.url, method: 'POST', headers: target.headers, body: target.body, connections, duration })
  return {
    rps: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result['2xx'],
    failures: result.errors + result.timeouts + result.non2xx,
  }
}

function fastest(runs: LoadFigures[]): LoadFigures {
  const valid = runs.filter((run) => run.failures === 0)
  if (valid.length === 0) return runs[0]!
  return valid.reduce((best, run) => (run.rps > best.rps ? run : best))
}

function timedPost(target: Target, agent: Agent): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const req = request(target.url, { method: 'POST', agent, headers: target.headers }, (res) => {
      res.resume()
      res.on('end', () => {
        if (res.statusCode === 200) resolve(performance.now() - started)
        else reject(new Error(`bench http: ${target.url} answered ${res.statusCode} in the sequential run`))
      })
    })
    req.on('error', reject)
    req.end(target.body)
  })
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

/** Interleaves direct and proxied requests one at a time so both see the same machine state. */
async function sequentialOverhead(direct: Target, proxied: Target, count: number): Promise<HttpFigures['sequential']> {
  const directAgent = new Agent({ keepAlive: true, maxSockets: 1 })
  const proxyAgent = new Agent({ keepAlive: true, maxSockets: 1 })
  const directTimes: number[] = []
  const proxyTimes: number[] = []
  try {
    for (let i = 0; i < count + 100; i++) {
      const d = await timedPost(direct, directAgent)
      const p = await timedPost(proxied, proxyAgent)
      if (i >= 100) {
        directTimes.push(d)
        proxyTimes.push(p)
      }
    }
  } finally {
    directAgent.destroy()
    proxyAgent.destroy()
  }
  return { requests: count, emulatorP50Ms: median(directTimes), proxyP50Ms: median(proxyTimes) }
}

/**
 * Section 4: a bare node:http JSON server, the emulator over HTTP, and proxy → emulator, each in
 * its own process on loopback, loaded by autocannon from this one.
 */
export async function measureHttp(options: { durationSeconds: number; connections: number; sequentialRequests: number }): Promise<HttpFigures> {
  const { durationSeconds, connections, sequentialRequests } = options
  const servers: ChildServer[] = []
  try {
    const bare = await spawnServer('bare')
    servers.push(bare)
    const emulator = await spawnServer('emulator')
    servers.push(emulator)
    const emulatorUrl = graphqlEndpoint(emulator.url)
    const proxy = await spawnServer('proxy', emulatorUrl)
    servers.push(proxy)
    const proxyFetch = await spawnServer('proxy-fetch', emulatorUrl)
    servers.push(proxyFetch)

    const json = { 'content-type': 'application/json' }
    const body = entitlementRequestBody()
    const bareTarget: Target = { url: bare.url, headers: json, body }
    const emulatorTarget: Target = { url: emulatorUrl, headers: { ...json, 'x-api-key': benchApiKey }, body }
    const proxyTarget: Target = { url: proxy.url, headers: { ...json, cookie: sessionCookie }, body }
    const proxyFetchTarget: Target = { ...proxyTarget, url: proxyFetch.url }
    const targets = [bareTarget, emulatorTarget, proxyTarget, proxyFetchTarget]
    await preflight('bare server', bareTarget)
    await preflight('emulator', emulatorTarget)
    await preflight('proxy → emulator', proxyTarget)
    await preflight('proxy (fetch upstream) → emulator', proxyFetchTarget)
    for (const target of targets) await warmUp(target, connections)

    // Other work on a shared machine only ever slows a run down, so each target gets two
    // interleaved rounds of half the duration and keeps its faster round.
    const rounds: LoadFigures[][] = targets.map(() => [])
    for (let round = 0; round < 2; round++) {
      for (const [i, target] of targets.entries()) rounds[i]!.push(await load(target, connections, durationSeconds / 2))
    }
    const [bareFigures, emulatorFigures, proxyFigures, proxyFetchFigures] = rounds.map(fastest) as [
      LoadFigures,
      LoadFigures,
      LoadFigures,
      LoadFigures,
    ]
    const sequential = await sequentialOverhead(emulatorTarget, proxyTarget, sequentialRequests)
    return {
      connections,
      durationSeconds,
      bare: bareFigures,
      emulator: emulatorFigures,
      proxy: proxyFigures,
      proxyFetch: proxyFetchFigures,
      emulatorThroughputRatio: emulatorFigures.rps / bareFigures.rps,
      proxyThroughputRatio: proxyFigures.rps / emulatorFigures.rps,
      proxyOverheadP50Ms: sequential.proxyP50Ms - sequential.emulatorP50Ms,
      sequential,
    }
  } finally {
    for (const server of servers) server.close()
  }
}
