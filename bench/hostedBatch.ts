// Dialect 'stigg': a 100-check batch translated to hosted Stigg and its answer mapped back, per request.
import { createEmulator } from 'react-stigg/emulator'
import { entitlementsDocument } from '../src/core/documents'
import { createStiggDialect } from '../src/server/dialects/stigg/createStiggDialect'
import { createFirewall } from '../src/server/firewall/createFirewall'
import { resolveProxyOptions } from '../src/server/resolveProxyOptions'
import { benchApiKey, benchCustomer } from './fixtures'

export interface HostedBatchFigures {
  checks: number
  runs: number
  /** buildUpstreamBody + mapResponse of one vetted operation, median. */
  p50Ms: number
  p99Ms: number
}

const features = ['feature-api-calls', 'feature-seats', 'feature-sso', 'feature-analytics']

/**
 * Section: what the stigg dialect adds per request for the client's largest batch. The firewall
 * vets the request first (not timed: the same with either dialect); the hosted answer is the
 * emulator's real `/hosted/graphql` answer to the translated request.
 */
export async function measureHostedBatch(options: { runs?: number; checks?: number } = {}): Promise<HostedBatchFigures> {
  const { runs = 2_000, checks = 100 } = options
  const dialect = createStiggDialect()
  const config = resolveProxyOptions({ apiKey: benchApiKey, upstreamUrl: 'http://127.0.0.1/graphql', identify: () => null, dialect: 'stigg' })
  const firewall = createFirewall(config.dialect, config.allow)
  const body = {
    query: entitlementsDocument(checks),
    operationName: null,
    variables: Object.fromEntries([['customerId', benchCustomer], ...Array.from({ length: checks }, (_, i) => [`f${i}`, features[i % features.length]!])]),
  }
  const emulator = createEmulator({ apiKey: benchApiKey })
  await emulator.ready
  const first = firewall(body, benchCustomer)
  const upstream = await emulator.fetch(
    new Request('http://emulator.local/hosted/graphql', { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': benchApiKey }, body: dialect.buildUpstreamBody(first) }),
  )
  const hostedText = await upstream.text()
  const mapped = dialect.mapResponse(JSON.parse(hostedText) as Record<string, unknown>, first)
  if ((mapped['errors'] as unknown[] | undefined)?.length || Object.keys((mapped['data'] as object | null) ?? {}).length !== checks) {
    throw new Error(`bench hostedBatch: the mapped answer is not ${checks} checks: ${JSON.stringify(mapped).slice(0, 300)}`)
  }

  const times: number[] = []
  for (let i = 0; i < runs + 200; i++) {
    // A fresh vetted operation per run, as per request (the dialect keys its work on it).
    const operation = firewall(body, benchCustomer)
    const answer = JSON.parse(hostedText) as Record<string, unknown>
    const started = performance.now()
    dialect.buildUpstreamBody(operation)
    dialect.mapResponse(answer, operation)
    const elapsed = performance.now() - started
    if (i >= 200) times.push(elapsed)
  }
  times.sort((a, b) => a - b)
  return { checks, runs, p50Ms: times[Math.floor(runs / 2)]!, p99Ms: times[Math.floor(runs * 0.99)]! }
}

if (process.argv[1]?.endsWith('hostedBatch.ts')) {
  measureHostedBatch().then((figures) => console.log(JSON.stringify(figures)))
}
