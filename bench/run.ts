// `npm run bench`: every DESIGN.md performance target, measured side by side in one run.
// Env: BENCH_DURATION (s per load run, default 10), BENCH_CONNECTIONS (50), BENCH_SEQUENTIAL (2000),
// BENCH_BROWSER_RUNS (15), BENCH_ONLY=bundle,requests,renders,http,browser,hosted,burst (a partial run writes
// bench/.tmp/results.partial.json instead of bench/results.json).
import { readFileSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import { availableParallelism, loadavg, totalmem } from 'node:os'
import { fileURLToPath } from 'node:url'
import { measureBrowser, type BrowserFigures } from './browser'
import { measureBundles, type BundleFigures } from './bundle'
import { measureBurst, type BurstFigures } from './burst'
import { measureHostedBatch, type HostedBatchFigures } from './hostedBatch'
import { measureHttp, type HttpFigures, type LoadFigures } from './http'
import { measureRenders, type RenderFigures } from './renders'
import { measureRequests, type RequestFigures } from './requests'
import { renderTable, type Row } from './table'

const sections = ['bundle', 'requests', 'renders', 'http', 'browser', 'hosted', 'burst'] as const
type Section = (typeof sections)[number]

function numberFromEnv(name: string, fallback: number): number {
  const raw = process.env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isFinite(value) || value <= 0) throw new Error(`bench: ${name} must be a positive number, got "${raw}"`)
  return value
}

function selectedSections(): Section[] {
  const raw = process.env.BENCH_ONLY
  if (raw === undefined || raw === '') return [...sections]
  const names = raw.split(',').map((name) => name.trim())
  for (const name of names) {
    if (!(sections as readonly string[]).includes(name)) throw new Error(`bench: BENCH_ONLY has "${name}"; choose from ${sections.join(', ')}`)
  }
  return names as Section[]
}

function machine() {
  const cpu = readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.+)$/m)?.[1] ?? 'unknown'
  return {
    cpus: availableParallelism(),
    cpuModel: cpu,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    loadAverageAtStart: loadavg().map((value) => Math.round(value * 100) / 100),
  }
}

async function timed<T>(name: Section, run: () => Promise<T>, errors: Record<string, string>): Promise<T | undefined> {
  const started = performance.now()
  process.stderr.write(`bench: ${name}…`)
  try {
    const result = await run()
    process.stderr.write(` ${((performance.now() - started) / 1000).toFixed(1)} s\n`)
    return result
  } catch (error) {
    process.stderr.write(` failed\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
    errors[name] = error instanceof Error ? error.message : String(error)
    return undefined
  }
}

const kb = (bytes: number) => bytes / 1024
const round3 = (value: number) => Math.round(value * 1000) / 1000

/** NaN (shown as a dash) where /proc is not available. */
const cpuOf = (figures: LoadFigures, process: string) => figures.cpuMicrosPerRequest[process] ?? Number.NaN

/** A load run with errors or non-2xx answers measured something else than the target. */
const clean = (h: HttpFigures | undefined, ratio: number | undefined, ...runs: Array<'bare' | 'emulator' | 'proxy' | 'forwarder' | 'proxyDistinct'>) =>
  h !== undefined && runs.every((run) => h[run].failures === 0) ? ratio : undefined

function rows(b?: BundleFigures, q?: RequestFigures, r?: RenderFigures, h?: HttpFigures, w?: BrowserFigures, d?: HostedBatchFigures, u?: BurstFigures): Row[] {
  return [
    { figure: 'Bundle: our code alone (gzip)', ours: b && kb(b.oursOwnGzip), unit: 'KB', target: { max: 6 } },
    { figure: 'Bundle: whole app, deps included (gzip)', ours: b && kb(b.oursGzip), unit: 'KB', target: { max: 26 } },
    { figure: 'Bundle: marginal cost of Paywall + usePlans + useAwaitEntitlement (gzip)', ours: b && kb(b.paywallMarginalGzip), unit: 'KB' },
    {
      figure: 'Bundle: whole app through a graphql-request GraphQLClient (`client`) vs the built-in fetch (gzip)',
      ours: b && kb(b.withGraphQLClientGzip),
      anchor: b && kb(b.oursGzip),
      unit: 'KB',
    },
    {
      figure: 'Bundle: same app with @stigg/react-sdk 5.28.2',
      ours: b && kb(b.oursGzip),
      anchor: b && kb(b.stiggGzip),
      ratio: b?.ratio,
      unit: 'KB',
      target: { minRatio: 20 },
    },
    { figure: `Requests at mount (${q?.gates ?? 20} gates, ${q?.features ?? 10} features, ${q?.meters ?? 3} meters)`, ours: q?.mount, unit: 'entitlement req', target: { exactly: 1 } },
    { figure: 'Subscription requests at mount', ours: q?.mountSubscription, unit: 'req' },
    { figure: 'Requests on remount within staleTime', ours: q?.remount, unit: 'req', target: { exactly: 0 } },
    { figure: "Renders of B-only components when A's usage changes", ours: r?.unrelated, anchor: r?.related, unit: 'renders', target: { exactly: 0 } },
    { figure: 'Emulator throughput vs bare node:http', ours: h?.emulator.rps, anchor: h?.bare.rps, ratio: clean(h, h?.emulatorThroughputRatio, 'bare', 'emulator'), unit: 'req/s', target: { minRatio: 0.6 } },
    { figure: 'Proxy→emulator throughput vs emulator', ours: h?.proxy.rps, anchor: h?.emulator.rps, ratio: clean(h, h?.proxyThroughputRatio, 'emulator', 'proxy'), unit: 'req/s', target: { minRatio: 0.5 } },
    {
      figure: 'Diagnostic: proxy with a fetch option (Fetch-API upstream)',
      ours: h?.proxyFetch.rps,
      anchor: h?.emulator.rps,
      ratio: h && h.proxyFetch.rps / h.emulator.rps,
      unit: 'req/s',
    },
    {
      figure: 'Diagnostic: server CPU per request, proxy+emulator vs emulator',
      ours: h && cpuOf(h.proxy, 'proxy') + cpuOf(h.proxy, 'emulator'),
      anchor: h && cpuOf(h.emulator, 'emulator'),
      ratio: h && (cpuOf(h.proxy, 'proxy') + cpuOf(h.proxy, 'emulator')) / cpuOf(h.emulator, 'emulator'),
      unit: 'µs',
    },
    { figure: 'Diagnostic: load generator CPU per request (emulator run)', ours: h && cpuOf(h.emulator, 'load generator'), unit: 'µs' },
    { figure: 'Proxy overhead, p50 sequential', ours: h?.sequential.proxyP50Ms, anchor: h?.sequential.emulatorP50Ms, delta: h?.proxyOverheadP50Ms, unit: 'ms', target: { maxDelta: 1 } },
    { figure: 'Latency under load p50 / p99: bare', ours: h?.bare.p50Ms, p99: h?.bare.p99Ms, unit: 'ms' },
    { figure: 'Latency under load p50 / p99: emulator', ours: h?.emulator.p50Ms, p99: h?.emulator.p99Ms, unit: 'ms' },
    { figure: 'Latency under load p50 / p99: proxy→emulator', ours: h?.proxy.p50Ms, p99: h?.proxy.p99Ms, unit: 'ms' },
    {
      figure: 'Failed requests under load (errors, non-2xx)',
      ours: h && h.bare.failures + h.emulator.failures + h.proxy.failures + h.proxyFetch.failures,
      unit: 'req',
      target: { exactly: 0 },
    },
    { figure: `Chromium: mount → first gate (median of ${w?.runs ?? 'n'})`, ours: w?.firstGateMs, anchor: w?.rttMs, ratio: w && w.firstGateMs / w.rttMs, unit: 'ms' },
    {
      figure: 'Proxy CPU per request vs a no-check keep-alive forwarder, 240 distinct reads (proxy.cpuVsForwarder)',
      ours: h && cpuOf(h.proxyDistinct, 'proxy'),
      anchor: h && cpuOf(h.forwarder, 'forwarder'),
      ratio: clean(h, h?.cpuVsForwarder, 'proxyDistinct', 'forwarder'),
      unit: 'µs',
      target: { maxRatio: 1.5 },
    },
    { figure: 'Diagnostic: proxy→emulator vs forwarder→emulator throughput, distinct reads', ours: h?.proxyDistinct.rps, anchor: h?.forwarder.rps, ratio: h && h.proxyDistinct.rps / h.forwarder.rps, unit: 'req/s' },
    { figure: "Dialect 'stigg': 100-check batch translated + mapped, p50 / p99 (hosted.batch100P50Ms)", ours: d?.p50Ms, p99: d?.p99Ms, unit: 'ms', target: { max: 1 } },
    {
      figure: `Upstream calls per browser request, burst with cache (upstream.burstCallsRatio; ${u?.customers ?? 10} customers × ${u?.tabsPerCustomer ?? 20} tabs, ${u?.upstreamLatencyMs ?? 50} ms upstream)`,
      ours: u && round3(u.withCache.callsRatio),
      unit: 'calls/req',
      target: { max: 0.1 },
    },
    { figure: 'Upstream calls per browser request, same burst without cache (in-flight sharing only)', ours: u && round3(u.withoutCache.callsRatio), unit: 'calls/req' },
    { figure: 'Burst latency p50 / p99, with cache (upstream.burstP50Ms)', ours: u?.withCache.p50Ms, p99: u?.withCache.p99Ms, unit: 'ms' },
    { figure: 'Burst latency p50 / p99, without cache', ours: u?.withoutCache.p50Ms, p99: u?.withoutCache.p99Ms, unit: 'ms' },
    { figure: 'Failed requests in the bursts (errors, non-2xx)', ours: u && u.withCache.failures + u.withoutCache.failures, unit: 'req', target: { exactly: 0 } },
  ]
}

async function main(): Promise<void> {
  const only = selectedSections()
  const durationSeconds = numberFromEnv('BENCH_DURATION', 10)
  const errors: Record<string, string> = {}
  const startedAt = new Date()
  const info = machine()

  const bundle = only.includes('bundle') ? await timed('bundle', measureBundles, errors) : undefined
  const requests = only.includes('requests') ? await timed('requests', measureRequests, errors) : undefined
  const renders = only.includes('renders') ? await timed('renders', measureRenders, errors) : undefined
  const http = only.includes('http')
    ? await timed(
        'http',
        () =>
          measureHttp({
            durationSeconds,
            connections: numberFromEnv('BENCH_CONNECTIONS', 50),
            sequentialRequests: numberFromEnv('BENCH_SEQUENTIAL', 2000),
          }),
        errors,
      )
    : undefined
  const browser = only.includes('browser')
    ? await timed('browser', () => measureBrowser({ runs: numberFromEnv('BENCH_BROWSER_RUNS', 15) }), errors)
    : undefined

  const hosted = only.includes('hosted') ? await timed('hosted', () => measureHostedBatch(), errors) : undefined
  const burst = only.includes('burst') ? await timed('burst', measureBurst, errors) : undefined

  const table = renderTable(rows(bundle, requests, renders, http, browser, hosted, burst))
  process.stdout.write(`${table.text}\n`)
  process.stdout.write(
    `\nMachine: ${info.cpus} × ${info.cpuModel}, Node ${info.node}, load average at start ${info.loadAverageAtStart.join(' ')}\n`,
  )

  const results = {
    date: startedAt.toISOString(),
    machine: info,
    settings: { durationSeconds, sections: only },
    bundle: bundle ?? null,
    requests: requests ?? null,
    renders: renders ?? null,
    bare: http?.bare ?? null,
    emulator: http ? { ...http.emulator, throughputRatio: http.emulatorThroughputRatio } : null,
    proxy: http
      ? {
          ...http.proxy,
          throughputRatio: http.proxyThroughputRatio,
          overheadP50Ms: http.proxyOverheadP50Ms,
          sequential: http.sequential,
          cpuVsForwarder: http.cpuVsForwarder,
        }
      : null,
    proxyFetch: http?.proxyFetch ?? null,
    forwarder: http?.forwarder ?? null,
    proxyDistinct: http?.proxyDistinct ?? null,
    hosted: hosted ? { batch100P50Ms: hosted.p50Ms, batch100P99Ms: hosted.p99Ms, runs: hosted.runs } : null,
    upstream: burst
      ? {
          burstCallsRatio: burst.withCache.callsRatio,
          burstCallsRatioWithoutCache: burst.withoutCache.callsRatio,
          burstP50Ms: burst.withCache.p50Ms,
          burstP50MsWithoutCache: burst.withoutCache.p50Ms,
          burst,
        }
      : null,
    load: http ? { connections: http.connections, durationSeconds: http.durationSeconds, rounds: 2, kept: 'the faster round' } : null,
    browser: browser ?? null,
    verdicts: table.verdicts,
    errors,
  }
  const complete = only.length === sections.length
  const out = fileURLToPath(new URL(complete ? './results.json' : './.tmp/results.partial.json', import.meta.url))
  await mkdir(fileURLToPath(new URL('./.tmp/', import.meta.url)), { recursive: true })
  await writeFile(out, `${JSON.stringify(results, null, 2)}\n`)
  await writeFile(fileURLToPath(new URL('./.tmp/table.md', import.meta.url)), `${table.text}\n`)
  process.stdout.write(`Wrote ${out}\n`)
  if (Object.keys(errors).length > 0) {
    process.stderr.write(`bench: ${Object.keys(errors).join(', ')} could not be measured (see above)\n`)
    process.exitCode = 1
  }
}

main()
  .catch((error: unknown) => {
    console.error(error)
    process.exitCode = 1
  })
  // Query caches and the in-process emulators hold timers; the figures are written, so leave.
  .finally(() => process.exit())
