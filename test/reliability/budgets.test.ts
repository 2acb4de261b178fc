import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { toNodeHandler, type StiggProxyEvent, type StiggProxyLimits, type StiggProxyStore } from 'react-stigg/server'
import { entitlementsDocument } from '../../src/core/documents'
import { readBody } from './readBody'
import { sendRaw } from './sendRaw'

/**
 * Issue 19: one browser could spend the whole account's Stigg rate limit. Per-customer budgets
 * (`limits.concurrent`, `limits.perMinute`) answer 429 with Retry-After and forward nothing.
 * Over real HTTP: browser → toNodeHandler → a slow counting upstream.
 */
let upstream: Server
let upstreamUrl: string
let hits = 0
let release: Array<() => void> = []
let holdAnswers = false
const servers: Server[] = []
const events: StiggProxyEvent[] = []

beforeAll(async () => {
  upstream = createServer((req, res) => {
    hits++
    void readBody(req).then(() => {
      const send = () => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: { e0: { isGranted: true, currentUsage: 0 } } }))
      if (holdAnswers) release.push(send)
      else send()
    })
  })
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve))
  upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}/graphql`
})

afterAll(async () => {
  for (const server of servers) server.close()
  upstream.closeAllConnections()
  await new Promise<void>((resolve) => upstream.close(() => resolve()))
})

beforeEach(() => {
  hits = 0
  release = []
  holdAnswers = false
  events.length = 0
})

async function proxyPort(limits: StiggProxyLimits): Promise<number> {
  const handler = toNodeHandler({
    apiKey: 'budget-key',
    upstreamUrl,
    identify: (request) => ({ customerId: request.headers.get('x-customer') ?? 'customer-a' }),
    onEvent: (event) => events.push(event),
    limits,
  })
  const server = createServer((req, res) => handler(req, res))
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return (server.address() as AddressInfo).port
}

// Distinct features so in-flight sharing cannot merge the calls: each one is its own upstream call.
const read = (port: number, feature: string, customer = 'customer-a') =>
  sendRaw(port, {
    method: 'POST',
    path: '/',
    headers: { 'content-type': 'application/json', 'x-customer': customer },
    body: Buffer.from(JSON.stringify({ query: entitlementsDocument(1), variables: { customerId: customer, f0: feature } })),
  })

const waitFor = async (condition: () => boolean) => {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10))
  expect(condition()).toBe(true)
}

describe('per-customer budgets', () => {
  it('limits.concurrent: the third call in flight is refused 429, Retry-After 1, and not forwarded; another customer is served', async () => {
    const port = await proxyPort({ concurrent: 2 })
    holdAnswers = true
    const first = read(port, 'f-1')
    const second = read(port, 'f-2')
    await waitFor(() => hits === 2)
    const third = await read(port, 'f-3')
    expect(third.status).toBe(429)
    expect(third.headers['retry-after']).toBe('1')
    expect(JSON.parse(third.body)).toMatchObject({ errors: [{ extensions: { code: 'RATE_LIMITED' } }] })
    expect(hits).toBe(2)
    const other = read(port, 'f-1', 'customer-b')
    await waitFor(() => hits === 3)
    for (const send of release) send()
    release = []
    holdAnswers = false
    expect((await first).status).toBe(200)
    expect((await second).status).toBe(200)
    expect((await other).status).toBe(200)
    // Once the calls finished the budget is free again.
    expect((await read(port, 'f-4')).status).toBe(200)
    expect(events.filter((event) => event.type === 'denied' && event.reason === 'RATE_LIMITED')).toHaveLength(1)
  })

  it('limits.perMinute: past the budget 429 with the seconds left in the minute, nothing forwarded', async () => {
    const port = await proxyPort({ perMinute: 3, concurrent: false })
    for (let i = 0; i < 3; i++) expect((await read(port, `p-${i}`)).status).toBe(200)
    const refused = await read(port, 'p-4')
    if (refused.status === 200) {
      // The minute turned over between the calls: the budget is new, as it should be.
      expect(hits).toBe(4)
      return
    }
    expect(refused.status).toBe(429)
    const seconds = Number(refused.headers['retry-after'])
    expect(seconds).toBeGreaterThanOrEqual(1)
    expect(seconds).toBeLessThanOrEqual(60)
    expect(hits).toBe(3)
    expect((await read(port, 'p-1', 'customer-b')).status).toBe(200)
  })

  it('a store that fails counts as within budget and reports store_error', async () => {
    const broken: StiggProxyStore = {
      get: () => Promise.reject(new Error('redis down')),
      set: () => Promise.reject(new Error('redis down')),
      increment: () => Promise.reject(new Error('redis down')),
    }
    const port = await proxyPort({ concurrent: 1, perMinute: 1, store: broken })
    for (let i = 0; i < 3; i++) expect((await read(port, `s-${i}`)).status).toBe(200)
    expect(hits).toBe(3)
    expect(events.some((event) => event.type === 'store_error' && event.operation === 'budget')).toBe(true)
  })

  it('rejects nonsense limits at startup', () => {
    expect(() => toNodeHandler({ apiKey: 'k', upstreamUrl, identify: () => null, limits: { concurrent: 0 } })).toThrow(/limits.concurrent/)
    expect(() => toNodeHandler({ apiKey: 'k', upstreamUrl, identify: () => null, limits: { maxFields: 1.5 } })).toThrow(/limits.maxFields/)
    expect(() => toNodeHandler({ apiKey: 'k', upstreamUrl, identify: () => null, limits: { perMinute: -1 } })).toThrow(/limits.perMinute/)
    expect(() => toNodeHandler({ apiKey: 'k', upstreamUrl, identify: () => null, limits: { bodyTimeoutMs: 0 } })).toThrow(/limits.bodyTimeoutMs/)
    expect(() => toNodeHandler({ apiKey: 'k', upstreamUrl, identify: () => null, limits: { nope: 1 } as never })).toThrow(/limits.nope is unknown/)
  })
})
