import { describe, expect, it } from 'vitest'
import { createStiggProxy } from 'react-stigg/server'
import { runAllowedFuzz, runFuzz, type ProxyFactory } from './runFuzz'

// Fixed seeds: a failure here reproduces with the same cases; `npm run fuzz` explores further.
describe('proxy fuzzing (fast-check, in-process, independent upstream checker)', () => {
  it('10,000 hostile and near-valid requests: no proxy 5xx, no rule-breaking forward, no key in a response', async () => {
    const stats = await runFuzz({ numRuns: 10_000, seed: 20_240_601 })
    expect(stats.cases).toBe(10_000)
    // The generators must reach the upstream often enough for the checker to matter (2,064 of
    // 10,000 with this seed today; the margin leaves room for the proxy to refuse a few more).
    expect(stats.forwarded).toBeGreaterThan(1_500)
    expect(Object.keys(stats.byStatus).map(Number).every((status) => status < 500)).toBe(true)
    // ~20 s alone on 2 cores; the limit only guards against a hang while the rest of `npm test` shares the CPU.
  }, 120_000)

  it('500 reads and usage reports built only from allowed forms for the signed-in customer are all forwarded', async () => {
    const stats = await runAllowedFuzz({ numRuns: 500, seed: 7 })
    expect(stats.forwarded).toBe(500)
    expect(stats.byStatus[200]).toBe(500)
  }, 60_000)
})

describe('the fuzz harness can fail', () => {
  it('catches a pass-through proxy that forwards whatever it gets', async () => {
    const passThrough: ProxyFactory = (options) => async (request) => {
      const upstream = options.fetch ?? fetch
      const body = await request.text()
      return upstream(new Request(options.upstreamUrl, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': options.apiKey }, body }))
    }
    await expect(runFuzz({ numRuns: 300, seed: 1, createProxy: passThrough })).rejects.toThrow(/forwarded/)
  }, 60_000)

  it("catches a proxy that believes the customerId the browser claims in its variables", async () => {
    const trustsVariables: ProxyFactory = (options) =>
      createStiggProxy({
        ...options,
        identify: async (request) => {
          const identity = await options.identify(request)
          try {
            const claimed = (JSON.parse(await request.clone().text()) as { variables?: { customerId?: unknown } }).variables?.customerId
            return identity !== null && typeof claimed === 'string' && claimed !== '' ? { customerId: claimed } : identity
          } catch {
            return identity
          }
        },
      })
    await expect(runFuzz({ numRuns: 2_000, seed: 2, createProxy: trustsVariables })).rejects.toThrow(/forwarded customerId/)
  }, 60_000)

  it('catches a proxy whose field limit is off (aliases × fragments amplification)', async () => {
    const unlimited: ProxyFactory = (options) => createStiggProxy({ ...options, limits: { maxFields: 1_000_000_000 } })
    await expect(runFuzz({ numRuns: 2_000, seed: 4, createProxy: unlimited })).rejects.toThrow(/more than 3000 fields/)
  }, 60_000)

  it('catches a proxy whose usage cap is missing', async () => {
    const uncapped: ProxyFactory = (options) =>
      createStiggProxy({ ...options, allow: { ...options.allow, reportUsage: options.allow?.reportUsage ? { maxValue: Number.MAX_VALUE } : false } })
    await expect(runFuzz({ numRuns: 2_000, seed: 3, createProxy: uncapped })).rejects.toThrow(/reportUsage value/)
  }, 60_000)
})
