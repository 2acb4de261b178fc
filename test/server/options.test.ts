import { createEmulator } from 'react-stigg/emulator'
import { createStiggProxy, type StiggProxyEvent, type StiggProxyOptions } from 'react-stigg/server'
import { describe, expect, it } from 'vitest'
import { LruCache } from '../../src/graphql/LruCache'
import { readCookie } from '../../src/vite/readCookie'
import { retryAfterSeconds } from '../../src/server/upstream/retryAfterSeconds'

const valid: StiggProxyOptions = {
  apiKey: 'k',
  upstreamUrl: 'http://127.0.0.1:1/graphql',
  identify: () => ({ customerId: 'customer-pro' }),
}

describe('createStiggProxy checks its options at creation', () => {
  it.each([
    ['apiKey', { apiKey: '' }],
    ['upstreamUrl', { upstreamUrl: 'api.stigg.io/graphql' }],
    ['identify', { identify: undefined }],
    ['timeoutMs', { timeoutMs: 0 }],
    ['allow.reportUsage', { allow: { reportUsage: { maxValue: Number.POSITIVE_INFINITY } } }],
    ['allow.reportUsage', { allow: { reportUsage: true } }],
    ['allow.reportusage', { allow: { reportusage: { maxValue: 1 } } }],
    ['dialect', { dialect: 'hosted' }],
  ])('a bad %s throws a TypeError naming it', (name, override) => {
    expect(() => createStiggProxy({ ...valid, ...override } as unknown as StiggProxyOptions)).toThrow(TypeError)
    expect(() => createStiggProxy({ ...valid, ...override } as unknown as StiggProxyOptions)).toThrow(name)
  })

  it("dialect 'stigg' (hosted Stigg) is accepted", () => {
    expect(typeof createStiggProxy({ ...valid, dialect: 'stigg' })).toBe('function')
  })
})

describe('identify', () => {
  const emulator = createEmulator()
  const run = async (identify: StiggProxyOptions['identify']) => {
    const events: StiggProxyEvent[] = []
    const proxy = createStiggProxy({ ...valid, apiKey: emulator.apiKey, fetch: emulator.fetch, identify, onEvent: (event) => events.push(event) })
    const response = await proxy(
      new Request('http://app.test/api/stigg', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ customerSubscriptions(customerId: "customer-pro") { id } }' }),
      }),
    )
    return { response, body: (await response.json()) as { errors: Array<{ message: string; extensions: { code: string } }> }, events }
  }

  it('throwing → 500 with a generic message; the error goes to onEvent only', async () => {
    const { response, body, events } = await run(() => {
      throw new Error('session store down at 10.1.2.3')
    })
    expect(response.status).toBe(500)
    expect(body.errors[0]?.extensions.code).toBe('INTERNAL_SERVER_ERROR')
    expect(body.errors[0]?.message).not.toContain('10.1.2.3')
    expect(events).toEqual([expect.objectContaining({ type: 'error', status: 500, message: expect.stringContaining('session store down') })])
  })

  it('rejecting → 500', async () => {
    const { response } = await run(() => Promise.reject(new Error('nope')))
    expect(response.status).toBe(500)
  })

  it.each([{}, { customerId: '' }, { customerId: 42 }, 'customer-pro'])('answering %j → 500, not a guess', async (identity) => {
    const { response, events } = await run(() => identity as never)
    expect(response.status).toBe(500)
    expect(events[0]).toMatchObject({ type: 'error', message: expect.stringContaining('identify() must return') })
  })

  it('an onEvent that throws does not change the answer', async () => {
    const proxy = createStiggProxy({
      ...valid,
      apiKey: emulator.apiKey,
      fetch: emulator.fetch,
      onEvent: () => {
        throw new Error('logger broke')
      },
    })
    const response = await proxy(
      new Request('http://app.test/api/stigg', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ customerSubscriptions(customerId: "customer-pro") { id } }' }),
      }),
    )
    expect(response.status).toBe(200)
  })
})

describe('internal helpers', () => {
  it('retryAfterSeconds: upstream seconds, an HTTP date, or the rest of the minute', () => {
    const now = Date.parse('2025-01-01T00:00:45.200Z')
    expect(retryAfterSeconds('30', now)).toBe(30)
    expect(retryAfterSeconds('0', now)).toBe(1)
    expect(retryAfterSeconds(new Date(now + 5_000).toUTCString(), now)).toBe(5)
    expect(retryAfterSeconds(null, now)).toBe(15)
    expect(retryAfterSeconds('soon', Date.parse('2025-01-01T00:00:59.900Z'))).toBe(1)
  })

  it('readCookie finds one cookie among several and decodes it', () => {
    expect(readCookie('a=1; stigg_demo_customer=customer%2Dpro; b=2', 'stigg_demo_customer')).toBe('customer-pro')
    expect(readCookie('xstigg_demo_customer=evil', 'stigg_demo_customer')).toBeNull()
    expect(readCookie(null, 'stigg_demo_customer')).toBeNull()
  })

  it('LruCache drops the least recently used entry', () => {
    const cache = new LruCache<string, number>(2)
    cache.set('a', 1)
    cache.set('b', 2)
    cache.get('a')
    cache.set('c', 3)
    expect([cache.get('a'), cache.get('b'), cache.get('c'), cache.size]).toEqual([1, undefined, 3, 2])
  })
})
