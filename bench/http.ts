import { readFileSync } from 'node:fs'
import autocannon from 'autocannon'
import { benchApiKey, distinctReads, entitlementRequestBody, sessionCookie } from './fixtures'
import { sequentialOverhead } from './sequentialOverhead'
import { spawnServer, type ChildServer } from './spawnServer'

export interface LoadFigures {
  /** Mean requests per second over the measured run. */
  rps: number
  p50Ms: number
  p99Ms: number
  /** Successful (2xx) responses. */
  requests: number
  /** Connection errors, timeouts and non-2xx answers: a run with any of these is not a valid figure. */
  failures: number
  /**
   * CPU time (user + system, all threads) per answered request of each server process in the
   * chain and of the load generator, from /proc (Linux; empty elsewhere). Shows where a ratio goes.
   */
  cpuMicrosPerRequest: Record<string, number>
}

export interface HttpFigures {
  connections: number
  durationSeconds: number
  bare: LoadFigures
  emulator: LoadFigures
  proxy: LoadFigures
  /** Diagnostic: proxy → emulator with a `fetch` option (the Fetch-API upstream path edge runtimes take). */
  proxyFetch: LoadFigures
  /** The floor: a no-check keep-alive forwarder → emulator, distinct reads. */
  forwarder: LoadFigures
  /** Proxy → emulator on the same distinct reads as the forwarder (in-flight sharing cannot help). */
  proxyDistinct: LoadFigures
  /** The proxy process's CPU per request ÷ the forwarder process's, on the same distinct reads. */
  cpuVsForwarder: number
  /** emulator rps / bare rps. */
  emulatorThroughputRatio: number
  /** proxy→emulator rps / emulator rps. */
  proxyThroughputRatio: number
  /** Sequential, one keep-alive connection each, interleaved: p50(proxy→emulator) − p50(emulator). */
  proxyOverheadP50Ms: number
  sequential: { requests: number; emulatorP50Ms: number; proxyP50Ms: number }
}

export interface Target {
  url: string
  headers: Record<string, string>
  body: string
  /** The server processes that answer this target, for CPU accounting. */
  chain: Array<{ name: string; pid: number | undefined }>
  /** When set, requests rotate through these bodies (and cookies) instead of repeating `body`. */
  rotate?: Array<{ body: string; cookie: string }>
}

/** autocannon options for a target: one fixed body, or a rotation through `target.rotate`. */
function loadOptions(target: Target) {
  const { rotate } = target
  if (rotate === undefined) return { url: target.url, method: 'POST', headers: target.headers, body: target.body }
  let next = 0
  return {
    url: target.url,
    requests: [
      {
        setupRequest: (request: { headers?: Record<string, string> }) => {
          const read = rotate[next++ % rotate.length]!
          return { ...request, method: 'POST', body: read.body, headers: { ...target.headers, cookie: read.cookie } }
        },
      },
    ],
  }
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
  await autocannon({ ...loadOptions(target), connections, duration: 1 })
}

/** CPU seconds a process has used so far (utime + stime of all its threads), or undefined off Linux. */
function cpuSeconds(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined
  try {
    // Fields after the parenthesised command name; utime and stime are the 12th and 13th of them.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ')
    return (Number(fields[11]) + Number(fields[12])) / 100
  } catch {
    return undefined
  }
}

async function load(target: Target, connections: number, duration: number): Promise<LoadFigures> {
  const processes = [...target.chain, { name: 'load generator', pid: process.pid }]
  const before = processes.map(({ pid }) => cpuSeconds(pid))
  const result = await autocannon({ ...loadOptions(target), connections, duration })
  const answered = result['2xx']
  const cpuMicrosPerRequest: Record<string, number> = {}
  processes.forEach(({ name, pid }, i) => {
    const start = before[i]
    const end = cpuSeconds(pid)
    if (start !== undefined && end !== undefined && answered > 0) cpuMicrosPerRequest[name] = Math.round(((end - start) * 1e6) / answered)
  })
  return {
    rps: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: answered,
    failures: result.errors + result.timeouts + result.non2xx,
    cpuMicrosPerRequest,
  }
}

function fastest(runs: LoadFigures[]): LoadFigures {
  const valid = runs.filter((run) => run.failures === 0)
  if (valid.length === 0) return runs[0]!
  return valid.reduce((best, run) => (run.rps > best.rps ? run : best))
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
    const forwarder = await spawnServer('forwarder', emulatorUrl)
    servers.push(forwarder)

    const json = { 'content-type': 'application/json' }
    const body = entitlementRequestBody()
    const emulatorProcess = { name: 'emulator', pid: emulator.pid }
    const bareTarget: Target = { url: bare.url, headers: json, body, chain: [{ name: 'bare', pid: bare.pid }] }
    const emulatorTarget: Target = { url: emulatorUrl, headers: { ...json, 'x-api-key': benchApiKey }, body, chain: [emulatorProcess] }
    const proxyTarget: Target = { url: proxy.url, headers: { ...json, cookie: sessionCookie }, body, chain: [{ name: 'proxy', pid: proxy.pid }, emulatorProcess] }
    const proxyFetchTarget: Target = { ...proxyTarget, url: proxyFetch.url, chain: [{ name: 'proxy', pid: proxyFetch.pid }, emulatorProcess] }
    const rotate = distinctReads()
    const forwarderTarget: Target = { url: forwarder.url, headers: json, body, rotate, chain: [{ name: 'forwarder', pid: forwarder.pid }, emulatorProcess] }
    const proxyDistinctTarget: Target = { ...proxyTarget, rotate }
    const targets = [bareTarget, emulatorTarget, proxyTarget, proxyFetchTarget, forwarderTarget, proxyDistinctTarget]
    await preflight('bare server', bareTarget)
    await preflight('emulator', emulatorTarget)
    await preflight('proxy → emulator', proxyTarget)
    await preflight('proxy (fetch upstream) → emulator', proxyFetchTarget)
    await preflight('forwarder → emulator', forwarderTarget)
    for (const target of targets) await warmUp(target, connections)

    // Other work on a shared machine only ever slows a run down, so each target gets two
    // interleaved rounds of half the duration and keeps its faster round.
    const rounds: LoadFigures[][] = targets.map(() => [])
    for (let round = 0; round < 2; round++) {
      for (const [i, target] of targets.entries()) rounds[i]!.push(await load(target, connections, durationSeconds / 2))
    }
    const [bareFigures, emulatorFigures, proxyFigures, proxyFetchFigures, forwarderFigures, proxyDistinctFigures] = rounds.map(fastest) as [
      LoadFigures,
      LoadFigures,
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
      forwarder: forwarderFigures,
      proxyDistinct: proxyDistinctFigures,
      cpuVsForwarder: (proxyDistinctFigures.cpuMicrosPerRequest['proxy'] ?? Number.NaN) / (forwarderFigures.cpuMicrosPerRequest['forwarder'] ?? Number.NaN),
      emulatorThroughputRatio: emulatorFigures.rps / bareFigures.rps,
      proxyThroughputRatio: proxyFigures.rps / emulatorFigures.rps,
      proxyOverheadP50Ms: sequential.proxyP50Ms - sequential.emulatorP50Ms,
      sequential,
    }
  } finally {
    for (const server of servers) server.close()
  }
}
