import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { startEmulator, type RunningEmulator } from 'react-stigg/emulator'
import { createMemoryStore, createStiggProxy, toNodeHandler, type StiggProxyEvent, type StiggProxyOptions, type StiggProxyStore } from 'react-stigg/server'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { entitlementsDocument, reportUsageDocument } from '../../src/core/documents'

const apiKey = 'economy-suite-key'
let emulator: RunningEmulator
let counter: Server
let upstreamUrl: string
/** Bodies the upstream received, in order. */
const upstreamCalls: string[] = []
/** Injected latency for reads; writes are answered at once. */
let readDelayMs = 0

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, host: '127.0.0.1', apiKey })
  // A counting, delaying hop in front of the emulator: what reaches "Stigg".
  counter = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8')
      upstreamCalls.push(body)
      const delay = body.includes('mutation') ? 0 : readDelayMs
      setTimeout(() => {
        void fetch(emulator.url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': String(req.headers['x-api-key']) }, body })
          .then(async (answer) => {
            res.writeHead(answer.status, { 'content-type': 'application/json' })
            res.end(await answer.text())
          })
      }, delay)
    })
  })
  await new Promise<void>((resolve) => counter.listen(0, '127.0.0.1', resolve))
  upstreamUrl = `http://127.0.0.1:${(counter.address() as AddressInfo).port}/graphql`
})
afterAll(async () => {
  counter.closeAllConnections()
  await new Promise((resolve) => counter.close(resolve))
  await emulator.close()
})
beforeEach(() => {
  emulator.emulator.admin.reset()
  upstreamCalls.length = 0
  readDelayMs = 0
})

type Options = Partial<StiggProxyOptions>
function proxy(options: Options = {}) {
  const events: StiggProxyEvent[] = []
  const handler = createStiggProxy({
    apiKey,
    upstreamUrl,
    // The session is a header here; a real app reads its cookie.
    identify: (request) => ({ customerId: request.headers.get('x-test-customer') ?? 'customer-pro' }),
    allow: { reportUsage: { maxValue: 100 } },
    onEvent: (event) => events.push(event),
    ...options,
  })
  const send = async (customerId: string, body: unknown) => {
    const response = await handler(
      new Request('http://app.test/api/stigg', { method: 'POST', headers: { 'content-type': 'application/json', 'x-test-customer': customerId }, body: JSON.stringify(body) }),
    )
    return { status: response.status, json: (await response.json()) as { data?: Record<string, Record<string, unknown>>; errors?: unknown } }
  }
  return { send, events }
}

const read = (customerId: string, featureId = 'feature-api-calls') => ({ query: entitlementsDocument(1), variables: { customerId, f0: featureId } })
const report = (customerId: string, value: number) => ({ query: reportUsageDocument, variables: { input: { customerId, featureId: 'feature-api-calls', value } } })
const sources = (events: StiggProxyEvent[]) => events.flatMap((event) => (event.type === 'allowed' ? [event.source] : []))

async function direct(body: unknown): Promise<unknown> {
  const response = await fetch(emulator.url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': apiKey }, body: JSON.stringify(body) })
  return response.json()
}

describe('identical reads in flight share one upstream call (on by default)', () => {
  it('20 concurrent identical reads of one customer make 1 upstream call, and all get the answer', async () => {
    readDelayMs = 50
    const { send, events } = proxy()
    const answers = await Promise.all(Array.from({ length: 20 }, () => send('customer-pro', read('customer-pro'))))
    expect(upstreamCalls).toHaveLength(1)
    const expected = await direct(read('customer-pro'))
    for (const answer of answers) expect(answer).toEqual({ status: 200, json: expected })
    expect(sources(events).sort()).toEqual([...Array<string>(19).fill('shared'), 'upstream'])
  })

  it('never shares between customers: each gets its own answer', async () => {
    readDelayMs = 50
    const { send } = proxy()
    const customers = ['customer-pro', 'customer-free', 'customer-enterprise']
    const answers = await Promise.all(customers.flatMap((customer) => Array.from({ length: 5 }, () => send(customer, read(customer)))))
    expect(upstreamCalls).toHaveLength(3)
    for (const [i, customer] of customers.entries()) {
      const expected = await direct(read(customer))
      for (const answer of answers.slice(i * 5, i * 5 + 5)) expect(answer.json).toEqual(expected)
    }
    // The three customers' answers really differ, so sharing would have shown.
    expect(new Set(answers.map((answer) => JSON.stringify(answer.json))).size).toBe(3)
  })

  it('different features or variables are different reads', async () => {
    readDelayMs = 30
    const { send } = proxy()
    await Promise.all([send('customer-pro', read('customer-pro', 'feature-sso')), send('customer-pro', read('customer-pro', 'feature-seats'))])
    expect(upstreamCalls).toHaveLength(2)
  })

  it('a read arriving after a usage report does not join a read that started before it', async () => {
    readDelayMs = 150
    const { send } = proxy()
    const before = send('customer-pro', read('customer-pro'))
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect((await send('customer-pro', report('customer-pro', 7))).status).toBe(200)
    const after = await send('customer-pro', read('customer-pro'))
    await before
    expect(upstreamCalls.filter((body) => !body.includes('mutation'))).toHaveLength(2)
    expect(after.json).toEqual(await direct(read('customer-pro')))
  })

  it('writes are never shared: two identical usage reports both reach upstream', async () => {
    const { send } = proxy()
    await Promise.all([send('customer-pro', report('customer-pro', 1)), send('customer-pro', report('customer-pro', 1))])
    expect(upstreamCalls).toHaveLength(2)
  })
})

describe('the opt-in answer cache', () => {
  it('serves repeated reads within ttlMs without calling upstream', async () => {
    const { send, events } = proxy({ cache: { ttlMs: 10_000 } })
    const first = await send('customer-pro', read('customer-pro'))
    for (let i = 0; i < 5; i++) expect(await send('customer-pro', read('customer-pro'))).toEqual(first)
    expect(upstreamCalls).toHaveLength(1)
    expect(sources(events)).toEqual(['upstream', 'cache', 'cache', 'cache', 'cache', 'cache'])
  })

  it("never serves one customer's cached answer to another", async () => {
    const { send } = proxy({ cache: { ttlMs: 10_000 } })
    const pro = await send('customer-pro', read('customer-pro'))
    const free = await send('customer-free', read('customer-free'))
    expect(upstreamCalls).toHaveLength(2)
    expect(free.json).toEqual(await direct(read('customer-free')))
    expect(free.json).not.toEqual(pro.json)
  })

  it('a usage report through the proxy retires that customer’s cached answers at once, and only theirs', async () => {
    const { send } = proxy({ cache: { ttlMs: 10_000 } })
    const usage = async (customer: string) => (await send(customer, read(customer))).json.data?.['e0']?.['currentUsage']
    const before = await usage('customer-pro')
    await usage('customer-trial')
    expect(await usage('customer-pro')).toBe(before) // cached
    expect((await send('customer-pro', report('customer-pro', 5))).status).toBe(200)
    expect(await usage('customer-pro')).toBe((before as number) + 5)
    const calls = upstreamCalls.length
    await usage('customer-trial')
    expect(upstreamCalls).toHaveLength(calls) // the other customer's answer is still cached
  })

  it('answers expire after ttlMs', async () => {
    const { send } = proxy({ cache: { ttlMs: 40 } })
    await send('customer-pro', read('customer-pro'))
    await send('customer-pro', read('customer-pro'))
    expect(upstreamCalls).toHaveLength(1)
    await new Promise((resolve) => setTimeout(resolve, 60))
    await send('customer-pro', read('customer-pro'))
    expect(upstreamCalls).toHaveLength(2)
  })

  it('two proxy instances sharing a store share answers and invalidation', async () => {
    const store = createMemoryStore()
    const a = proxy({ cache: { ttlMs: 10_000, store } })
    const b = proxy({ cache: { ttlMs: 10_000, store } })
    await a.send('customer-pro', read('customer-pro'))
    await b.send('customer-pro', read('customer-pro'))
    expect(upstreamCalls).toHaveLength(1)
    await b.send('customer-pro', report('customer-pro', 3))
    const fresh = await a.send('customer-pro', read('customer-pro'))
    expect(fresh.json).toEqual(await direct(read('customer-pro')))
    expect(upstreamCalls).toHaveLength(3)
  })

  it('answers with errors are not cached', async () => {
    const { send } = proxy({ cache: { ttlMs: 10_000 } })
    const unknown = read('customer-nobody')
    const first = await send('customer-nobody', unknown)
    expect(JSON.stringify(first.json)).toContain('errors')
    await send('customer-nobody', unknown)
    expect(upstreamCalls).toHaveLength(2)
  })
})

describe('a failing store is a miss, never an error', () => {
  const throwing: StiggProxyStore = {
    get: () => Promise.reject(new Error('store is down')),
    set: () => {
      throw new Error('store is down')
    },
    increment: () => Promise.reject(new Error('store is down')),
  }
  const hanging: StiggProxyStore = { get: () => new Promise(() => undefined), set: () => new Promise(() => undefined), increment: () => new Promise(() => undefined) }

  it.each([
    ['throws', throwing],
    ['hangs', hanging],
  ])('a store that %s: every read answered from upstream within the deadline, reported through onEvent', async (_, store) => {
    const { send, events } = proxy({ cache: { ttlMs: 10_000, store } })
    const expected = await direct(read('customer-pro'))
    const started = performance.now()
    for (let i = 0; i < 3; i++) expect(await send('customer-pro', read('customer-pro'))).toEqual({ status: 200, json: expected })
    expect((await send('customer-pro', report('customer-pro', 1))).status).toBe(200)
    expect(performance.now() - started).toBeLessThan(1_000)
    expect(upstreamCalls).toHaveLength(4)
    const failures = events.filter((event) => event.type === 'store_error')
    expect(failures.length).toBeGreaterThan(0)
    expect(failures.map((event) => event.operation)).toContain('invalidate')
  })
})

describe('cache options are checked at creation', () => {
  it.each([-1, 0, Number.NaN, Number.POSITIVE_INFINITY, 60_001, '5000'])('ttlMs %s throws a clear error', (ttlMs) => {
    const options = { apiKey, upstreamUrl: 'http://127.0.0.1:1/graphql', identify: () => null, cache: { ttlMs: ttlMs as number } }
    expect(() => createStiggProxy(options)).toThrow(/createStiggProxy: options\.cache\.ttlMs must be .* at most 60000/)
    expect(() => toNodeHandler(options)).toThrow(/toNodeHandler: options\.cache\.ttlMs/)
  })

  it('a store without get/set/increment, or an unknown key, throws', () => {
    const base = { apiKey, upstreamUrl: 'http://127.0.0.1:1/graphql', identify: () => null }
    expect(() => createStiggProxy({ ...base, cache: { ttlMs: 1000, store: {} as StiggProxyStore } })).toThrow(/options\.cache\.store must be a StiggProxyStore/)
    expect(() => createStiggProxy({ ...base, cache: { ttlMs: 1000, ttl: 5 } as never })).toThrow(/options\.cache\.ttl is unknown/)
  })
})

describe('createMemoryStore', () => {
  it('expires entries, keeps increments within the first expiry, and stays under maxBytes (oldest out first)', async () => {
    let now = 1_000
    const store = createMemoryStore({ maxBytes: 40, now: () => now })
    await store.set('a', '0123456789', 100) // 11 characters
    await store.set('b', '0123456789', 100)
    await store.set('c', '0123456789', 100)
    expect(await store.get('a')).toBe('0123456789')
    await store.set('d', '0123456789', 100) // 44 > 40: the oldest write (a) goes
    expect(await store.get('a')).toBeUndefined()
    expect(await store.get('d')).toBe('0123456789')
    expect(await store.increment('n', 2, 50)).toBe(2)
    now += 30
    expect(await store.increment('n', 3, 1_000)).toBe(5)
    now += 30 // 60 ms after creation: past the first ttl, which later increments kept
    expect(await store.get('n')).toBeUndefined()
    expect(await store.get('b')).toBe('0123456789')
    now += 100
    expect(await store.get('b')).toBeUndefined()
    expect(() => createMemoryStore({ maxBytes: 0 })).toThrow(/createMemoryStore: options\.maxBytes must be a positive number/)
  })
})
