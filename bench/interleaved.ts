// Before/after in one run: `npx tsx bench/interleaved.ts [baselineDir]` (default /work/baseline, a
// checkout of the code before a change with node_modules linked). Alternates rounds of the two
// versions so both see the same machine, then prints medians. Not part of `npm run bench`.
// ROUNDS (default 3, the first a warm-up) and SECONDS (default 3) set the length; ONLY=http one section.
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import autocannon from 'autocannon'
import { entitlementsDocument } from '../src/core/documents'
import type { DocumentNode } from 'graphql'
import { LruCache } from '../src/graphql/LruCache'
import { createStiggDialect } from '../src/server/dialects/stigg/createStiggDialect'
import { mapHostedResponse } from '../src/server/dialects/stigg/mapHostedResponse'
import { translateToHosted } from '../src/server/dialects/stigg/translateToHosted'
import { createFirewall } from '../src/server/firewall/createFirewall'
import { lazyRequest } from '../src/server/node/lazyRequest'
import { resolveProxyOptions } from '../src/server/resolveProxyOptions'
import { benchApiKey, benchCustomer, distinctReads, entitlementRequestBody, sessionCookie } from './fixtures'
import { spawnServer } from './spawnServer'

const baselineDir = process.argv[2] ?? '/work/baseline'
const ROUNDS = Number(process.env.ROUNDS ?? 3)
const SECONDS = Number(process.env.SECONDS ?? 3)

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!
const cpuSeconds = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ')
  return (Number(fields[11]) + Number(fields[12])) / 100
}

/**
 * This checkout's `bench/serve.ts <args>` run in `cwd`, in its own process: the proxy there is
 * bundled from `cwd`'s source, so both versions are measured by the same harness, as shipped.
 */
function spawnIn(cwd: string, args: string[]): Promise<{ url: string; pid: number; close(): void }> {
  const serve = fileURLToPath(new URL('./serve.ts', import.meta.url))
  const child = spawn(process.execPath, ['--import', 'tsx', serve, ...args], { cwd, stdio: ['ignore', 'pipe', 'inherit'] })
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${cwd} bench/serve.ts exited with ${code}`)))
    createInterface({ input: child.stdout }).once('line', (line) => resolve({ url: (JSON.parse(line) as { url: string }).url, pid: child.pid!, close: () => child.kill() }))
  })
}

async function http(): Promise<void> {
  const emulator = await spawnServer('emulator')
  const upstream = emulator.url.endsWith('/graphql') ? emulator.url : `${emulator.url}/graphql`
  const servers = {
    'before (baseline proxy)': await spawnIn(baselineDir, ['proxy', upstream]),
    'after (this proxy)': await spawnIn(process.cwd(), ['proxy', upstream]),
    'floor (no-check forwarder)': await spawnIn(process.cwd(), ['forwarder', upstream]),
  }
  // The baseline's own document: one both versions' schemas accept.
  const { entitlementsDocument: baselineDocument } = (await import(`${baselineDir}/src/core/documents.ts`)) as { entitlementsDocument: (count: number) => string }
  const withBaselineQuery = (body: string) => {
    const parsed = JSON.parse(body) as { variables: Record<string, unknown> }
    return JSON.stringify({ ...parsed, query: baselineDocument(Object.keys(parsed.variables).length - 1) })
  }
  const rotate = distinctReads().map((read) => ({ ...read, body: withBaselineQuery(read.body) }))
  const identical = withBaselineQuery(entitlementRequestBody())
  const loads = {
    'identical reads': () => ({ body: identical, headers: { 'content-type': 'application/json', cookie: sessionCookie } }),
    'distinct reads': undefined,
  }
  const figures: Record<string, Array<{ rps: number; cpuMicros: number }>> = {}
  try {
    for (let round = 0; round < ROUNDS; round++) {
      for (const [loadName, fixed] of Object.entries(loads)) {
        for (const [name, server] of Object.entries(servers)) {
          let next = 0
          const options = fixed
            ? { url: server.url, method: 'POST', ...fixed() }
            : {
                url: server.url,
                requests: [
                  {
                    setupRequest: (request: object) => {
                      const read = rotate[next++ % rotate.length]!
                      return { ...request, method: 'POST', body: read.body, headers: { 'content-type': 'application/json', cookie: read.cookie } }
                    },
                  },
                ],
              }
          const before = cpuSeconds(server.pid)
          const result = await autocannon({ ...options, connections: 50, duration: round === 0 ? 1 : SECONDS })
          if (round === 0) continue // warm-up round
          if (result.non2xx + result.errors > 0) throw new Error(`${name}: ${result.non2xx} non-2xx, ${result.errors} errors under ${loadName}`)
          ;(figures[`${loadName} · ${name}`] ??= []).push({ rps: result.requests.average, cpuMicros: ((cpuSeconds(server.pid) - before) * 1e6) / result['2xx'] })
        }
      }
    }
  } finally {
    for (const server of Object.values(servers)) server.close()
    emulator.close()
  }
  for (const [name, runs] of Object.entries(figures)) {
    console.log(`${name.padEnd(48)} ${Math.round(median(runs.map((run) => run.rps)))} req/s  ${Math.round(median(runs.map((run) => run.cpuMicros)))} µs CPU/request`)
  }
}

/** Alternates `a` and `b` in blocks, `count` calls each, and answers µs per call (median of blocks). */
function alternate(a: () => void, b: () => void, count: number, blocks = 9): [number, number] {
  const times: [number[], number[]] = [[], []]
  for (let block = 0; block < blocks; block++) {
    for (const [i, run] of [a, b].entries()) {
      const started = performance.now()
      for (let n = 0; n < count; n++) run()
      times[i]!.push(((performance.now() - started) * 1000) / count)
    }
  }
  return [median(times[0].slice(1)), median(times[1].slice(1))]
}

async function headers(): Promise<void> {
  // The baseline's own lazy Request: one Proxy handler and five closures per request, undici's Headers.
  const { lazyRequest: lazyRequestBefore } = (await import(`${baselineDir}/src/server/node/lazyRequest.ts`)) as { lazyRequest: typeof lazyRequest }
  // What a browser sends with a fetch to the app's own origin.
  const init = {
    host: 'app.example.com',
    connection: 'keep-alive',
    'content-type': 'application/json',
    accept: '*/*',
    origin: 'https://app.example.com',
    referer: 'https://app.example.com/dashboard',
    'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36',
    'accept-encoding': 'gzip, deflate, br, zstd',
    'accept-language': 'en-US,en;q=0.9',
    cookie: `${sessionCookie}; theme=dark`,
    'sec-fetch-mode': 'cors',
    'sec-fetch-site': 'same-origin',
  }
  let sink = 0
  // What the pipeline reads per request: content type (envelope), content length (body), cookie (identify).
  const readThree = (headers: Headers) => (sink += (headers.get('content-type') ?? '').length + (headers.get('content-length') ?? '').length + (headers.get('cookie') ?? '').length)
  const [before, after] = alternate(
    () => readThree(lazyRequestBefore('https://app.example.com/api/stigg', 'POST', init).headers),
    () => readThree(lazyRequest('https://app.example.com/api/stigg', 'POST', init).headers),
    20_000,
  )
  console.log(`identify's headers (12 browser headers, 3 reads): before ${before.toFixed(2)} µs, after ${after.toFixed(2)} µs (lazy Request included in both) [${sink > 0}]`)
}

function hostedPlan(): void {
  const config = resolveProxyOptions({ apiKey: benchApiKey, upstreamUrl: 'http://127.0.0.1/graphql', identify: () => null, dialect: 'stigg' })
  const firewall = createFirewall(config.dialect, config.allow)
  const body = {
    query: entitlementsDocument(100),
    operationName: null,
    variables: Object.fromEntries([['customerId', benchCustomer], ...Array.from({ length: 100 }, (_, i) => [`f${i}`, `feature-${i % 4}`])]),
  }
  const dialect = createStiggDialect()
  const documents = new LruCache<string, DocumentNode>(4)
  const sample = firewall(body, benchCustomer)
  const translated = translateToHosted(sample, config.dialect.schema, documents)
  // A hosted answer of the right shape for every alias.
  const entitlement = { isGranted: true, accessDeniedReason: null, usageLimit: 100, hasUnlimitedUsage: false, currentUsage: 3, resetPeriod: 'MONTH', usagePeriodEnd: null, nextResetDate: null, feature: { refId: 'f', displayName: 'F', featureType: 'NUMBER', meterType: 'Incremental', featureUnits: null, featureUnitsPlural: null } }
  const answer = { data: Object.fromEntries(translated.calls.map((call) => [call.hostedAlias, entitlement])) }
  const [before, after] = alternate(
    () => {
      const operation = firewall(body, benchCustomer)
      const request = translateToHosted(operation, config.dialect.schema, documents)
      mapHostedResponse(structuredClone(answer), request, config.dialect.schema, operation.variables, new Date())
    },
    () => {
      const operation = firewall(body, benchCustomer)
      dialect.buildUpstreamBody(operation)
      dialect.mapResponse(structuredClone(answer), operation)
    },
    50,
  )
  console.log(`dialect 'stigg', 100-check batch translated + mapped: before (general path) ${(before / 1000).toFixed(3)} ms, after (compiled plan) ${(after / 1000).toFixed(3)} ms (firewall and answer copy included in both)`)
}

// ONLY=http (or headers, hosted) runs one section.
const only = process.env.ONLY
if (only === undefined || only === 'headers') await headers()
if (only === undefined || only === 'hosted') hostedPlan()
if ((only === undefined || only === 'http') && process.env.SKIP_HTTP !== '1') await http()
process.exit(0)
