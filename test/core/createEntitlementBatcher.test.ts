import { describe, expect, it } from 'vitest'
import { createEntitlementBatcher, createStiggClient, StiggError } from 'react-stigg'
import { createEmulator } from 'react-stigg/emulator'

function setup() {
  const emulator = createEmulator()
  let failNext = false
  const client = createStiggClient({
    url: 'http://emulator.test/graphql',
    headers: { 'x-api-key': emulator.apiKey },
    fetch: async (input, init) => {
      if (failNext) throw new TypeError('offline')
      return emulator.fetch(new Request(input, init))
    },
  })
  return { emulator, batcher: createEntitlementBatcher(client), failNextRequest: () => (failNext = true) }
}

describe('createEntitlementBatcher', () => {
  it('sends the loads of one tick as one request, deduping ids', async () => {
    const { emulator, batcher } = setup()
    const loads = ['feature-api-calls', 'feature-sso', 'feature-api-calls', 'feature-seats'].map((id) => batcher.load('customer-pro', id))
    const [calls, sso, again, seats] = await Promise.all(loads)
    expect(emulator.requests).toHaveLength(1)
    expect(emulator.requests[0]?.variables).toEqual({ customerId: 'customer-pro', f0: 'feature-api-calls', f1: 'feature-sso', f2: 'feature-seats' })
    expect(calls?.currentUsage).toBe(9300)
    expect(again).toEqual(calls)
    expect(sso?.isGranted).toBe(false)
    expect(seats?.usageLimit).toBe(20)
  })

  it('groups by customer and starts a new batch on the next tick', async () => {
    const { emulator, batcher } = setup()
    await Promise.all([batcher.load('customer-pro', 'feature-sso'), batcher.load('customer-free', 'feature-sso')])
    expect(emulator.requests).toHaveLength(2)
    await batcher.load('customer-pro', 'feature-sso')
    expect(emulator.requests).toHaveLength(3)
  })

  it('rejects every load of a failed request with the StiggError', async () => {
    const { batcher, failNextRequest } = setup()
    failNextRequest()
    const results = await Promise.allSettled([batcher.load('customer-pro', 'feature-sso'), batcher.load('customer-pro', 'feature-seats')])
    for (const result of results) {
      expect(result.status).toBe('rejected')
      expect((result as PromiseRejectedResult).reason).toBeInstanceOf(StiggError)
      expect((result as PromiseRejectedResult).reason).toMatchObject({ code: 'NETWORK_ERROR' })
    }
  })
})
