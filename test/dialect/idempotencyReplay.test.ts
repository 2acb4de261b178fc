import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createStiggClient, reportUsage, StiggError } from 'react-stigg'
import { startEmulator, type RunningEmulator } from 'react-stigg/emulator'
import { createMemoryStore, toNodeHandler, type StiggDialectName, type StiggProxyEvent, type StiggProxyOptions } from 'react-stigg/server'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'

// Hosted Stigg's reportUsage takes no idempotencyKey, so the 'stigg' dialect drops it and the
// emulator's /hosted/graphql (like Stigg) counts every report it receives: only the proxy can
// make a retried report count once. Browser client → proxy (node:http) → emulator, all real HTTP.

const apiKey = 'idempotency-suite-key'
const feature = 'feature-api-calls'
let emulator: RunningEmulator
const servers: Server[] = []

/** Report bodies the proxy sent upstream. */
let upstreamReports: string[]
/** Per upstream report, in order: what to do instead of answering normally. */
let upstreamPlan: Array<'fail' | { delayMs: number }>

// The proxy's upstream fetch: real HTTP to the emulator, counting reports and injecting faults.
const upstreamFetch = async (request: Request): Promise<Response> => {
  const body = await request.text()
  if (body.includes('reportUsage')) {
    upstreamReports.push(body)
    const step = upstreamPlan.shift()
    if (step === 'fail') return new Response('upstream down', { status: 503 })
    if (step) await new Promise((resolve) => setTimeout(resolve, step.delayMs))
  }
  return fetch(request.url, { method: 'POST', headers: request.headers, body })
}

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, host: '127.0.0.1', apiKey })
})
afterAll(async () => {
  await emulator.close()
})
beforeEach(() => {
  emulator.emulator.admin.reset()
  upstreamReports = []
  upstreamPlan = []
})
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  }
})

/** A proxy on 127.0.0.1:0; the signed-in customer is a header here (an app reads its session). */
async function startProxy(dialect: StiggDialectName, options: Partial<StiggProxyOptions> = {}) {
  const events: StiggProxyEvent[] = []
  const server = createServer(
    toNodeHandler({
      apiKey,
      upstreamUrl: dialect === 'stigg' ? emulator.hostedUrl : emulator.url,
      dialect,
      fetch: upstreamFetch,
      identify: (request) => ({ customerId: request.headers.get('x-customer') ?? 'customer-pro' }),
      allow: { reportUsage: { maxValue: 100 } },
      onEvent: (event) => events.push(event),
      ...options,
    }),
  )
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/stigg`, events }
}

/** The browser's client; `loseAnswers` answers are received by the proxy and then lost on the way back. */
function browser(url: string, customerId: string, loseAnswers = 0) {
  let toLose = loseAnswers
  return createStiggClient({
    url,
    headers: { 'x-customer': customerId },
    fetch: async (input, init) => {
      const response = await fetch(input, init)
      if (toLose-- > 0) {
        await response.text()
        throw new TypeError('fetch failed: connection reset')
      }
      return response
    },
  })
}

const usage = (customerId: string) => emulator.emulator.admin.snapshot().customers[customerId]?.usage[feature]?.value

describe.each<StiggDialectName>(['stigg', 'seed'])("dialect '%s'", (dialect) => {
  it('a report whose answer was lost, sent again with its key, reaches the upstream once and answers the same', async () => {
    const proxy = await startProxy(dialect)
    const client = browser(proxy.url, 'customer-pro', 1)
    const report = { featureId: feature, value: 7, idempotencyKey: 'lost-answer-1' }
    await expect(reportUsage(client, 'customer-pro', report)).rejects.toMatchObject({ code: 'NETWORK_ERROR' })
    const retried = await reportUsage(client, 'customer-pro', report)
    expect(upstreamReports).toHaveLength(1)
    expect(retried.currentUsage).toBe(9307)
    expect(usage('customer-pro')).toBe(9307)
    expect(proxy.events.map((event) => event.type === 'allowed' && event.source)).toEqual(['upstream', 'cache'])
  })

  it('two customers with the same key are two reports', async () => {
    const proxy = await startProxy(dialect)
    const report = { featureId: feature, value: 5, idempotencyKey: 'same-key' }
    await reportUsage(browser(proxy.url, 'customer-pro'), 'customer-pro', report)
    await reportUsage(browser(proxy.url, 'customer-free'), 'customer-free', report)
    expect(upstreamReports).toHaveLength(2)
    expect([usage('customer-pro'), usage('customer-free')]).toEqual([9305, 125])
  })

  it('a first attempt that failed upstream is not remembered: the retry goes upstream and counts once', async () => {
    const proxy = await startProxy(dialect)
    const client = browser(proxy.url, 'customer-pro')
    const report = { featureId: feature, value: 3, idempotencyKey: 'failed-first' }
    upstreamPlan = ['fail']
    const failure = await reportUsage(client, 'customer-pro', report).catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(StiggError)
    expect(failure).toMatchObject({ status: 502, retryable: true })
    expect(usage('customer-pro')).toBe(9300)
    const retried = await reportUsage(client, 'customer-pro', report)
    expect(retried.currentUsage).toBe(9303)
    expect(upstreamReports).toHaveLength(2)
    await reportUsage(client, 'customer-pro', report) // remembered now
    expect(upstreamReports).toHaveLength(2)
    expect(usage('customer-pro')).toBe(9303)
  })

  it('concurrent duplicates make one upstream call and get the same answer', async () => {
    const proxy = await startProxy(dialect)
    upstreamPlan = [{ delayMs: 150 }]
    const report = { featureId: feature, value: 2, idempotencyKey: 'concurrent' }
    const answers = await Promise.all(Array.from({ length: 4 }, () => reportUsage(browser(proxy.url, 'customer-pro'), 'customer-pro', report)))
    expect(upstreamReports).toHaveLength(1)
    expect(new Set(answers.map((answer) => JSON.stringify(answer))).size).toBe(1)
    expect(usage('customer-pro')).toBe(9302)
    expect(proxy.events.filter((event) => event.type === 'allowed' && event.source === 'shared')).toHaveLength(3)
  })

  it('a key reused for another value is refused with 422 IDEMPOTENCY_KEY_REUSED, and nothing is sent', async () => {
    const proxy = await startProxy(dialect)
    const client = browser(proxy.url, 'customer-pro')
    await reportUsage(client, 'customer-pro', { featureId: feature, value: 4, idempotencyKey: 'reused' })
    const error = await reportUsage(client, 'customer-pro', { featureId: feature, value: 5, idempotencyKey: 'reused' }).catch((e: unknown) => e)
    expect(error).toMatchObject({ status: 422, code: 'IDEMPOTENCY_KEY_REUSED', retryable: false })
    expect(upstreamReports).toHaveLength(1)
    expect(usage('customer-pro')).toBe(9304)
  })
})

describe('across proxy instances sharing a store', () => {
  it('a retry landing on another instance is replayed', async () => {
    const store = createMemoryStore()
    const [a, b] = [await startProxy('stigg', { idempotency: { store } }), await startProxy('stigg', { idempotency: { store } })]
    const report = { featureId: feature, value: 6, idempotencyKey: 'two-instances' }
    const first = await reportUsage(browser(a.url, 'customer-pro'), 'customer-pro', report)
    const second = await reportUsage(browser(b.url, 'customer-pro'), 'customer-pro', report)
    expect(second).toEqual(first)
    expect(upstreamReports).toHaveLength(1)
    expect(usage('customer-pro')).toBe(9306)
  })

  it('a duplicate on another instance while the first is in flight waits for its answer', async () => {
    const store = createMemoryStore()
    const [a, b] = [await startProxy('stigg', { idempotency: { store } }), await startProxy('stigg', { idempotency: { store } })]
    upstreamPlan = [{ delayMs: 200 }]
    const report = { featureId: feature, value: 1, idempotencyKey: 'in-flight-elsewhere' }
    const first = reportUsage(browser(a.url, 'customer-pro'), 'customer-pro', report)
    await new Promise((resolve) => setTimeout(resolve, 50))
    const second = await reportUsage(browser(b.url, 'customer-pro'), 'customer-pro', report)
    expect(second).toEqual(await first)
    expect(upstreamReports).toHaveLength(1)
    expect(usage('customer-pro')).toBe(9301)
  })
})

describe('controls', () => {
  it("with idempotency: false, dialect 'stigg' counts a retried report twice (hosted Stigg takes no key)", async () => {
    const proxy = await startProxy('stigg', { idempotency: false })
    const client = browser(proxy.url, 'customer-pro', 1)
    const report = { featureId: feature, value: 7, idempotencyKey: 'no-guard' }
    await expect(reportUsage(client, 'customer-pro', report)).rejects.toMatchObject({ code: 'NETWORK_ERROR' })
    await reportUsage(client, 'customer-pro', report)
    expect(upstreamReports).toHaveLength(2)
    expect(usage('customer-pro')).toBe(9314)
  })

  it('reports without a key, and keys longer than 255 characters, are not deduplicated or are refused', async () => {
    const proxy = await startProxy('stigg')
    const client = browser(proxy.url, 'customer-pro')
    await reportUsage(client, 'customer-pro', { featureId: feature, value: 1 })
    await reportUsage(client, 'customer-pro', { featureId: feature, value: 1 })
    expect(upstreamReports).toHaveLength(2)
    const error = await reportUsage(client, 'customer-pro', { featureId: feature, value: 1, idempotencyKey: 'k'.repeat(256) }).catch((e: unknown) => e)
    expect(error).toMatchObject({ status: 400, code: 'BAD_USER_INPUT' })
    expect(upstreamReports).toHaveLength(2)
  })

  it('checks the option at startup', () => {
    const base = { apiKey, upstreamUrl: emulator.url, identify: () => null }
    expect(() => toNodeHandler({ ...base, idempotency: { windowMs: 0 } })).toThrow(/idempotency\.windowMs must be/)
    expect(() => toNodeHandler({ ...base, idempotency: { ttlMs: 5 } as never })).toThrow(/idempotency\.ttlMs is unknown/)
    expect(() => toNodeHandler({ ...base, idempotency: { store: {} as never } })).toThrow(/idempotency\.store must be a StiggProxyStore/)
  })
})
