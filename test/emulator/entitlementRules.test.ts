import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startEmulator, type RunningEmulator } from 'react-stigg/emulator'

const day = 86_400_000
// A fixed clock: 2025-01-31 12:00 UTC, so month boundaries clamp (Feb 28, then Mar 31).
const start = new Date('2025-01-31T12:00:00.000Z')

const check = `query Check($customerId: String!, $featureId: String!) {
  customerEntitlement(customerId: $customerId, featureId: $featureId) {
    featureId isGranted usageLimit currentUsage resetPeriod accessDeniedReason usagePeriodEnd
  }
}`

let running: RunningEmulator
beforeAll(async () => {
  running = await startEmulator({ apiKey: 'rules-key', now: () => start })
})
afterAll(() => running.close())
beforeEach(() => running.emulator.admin.reset())

async function entitlement(customerId: string, featureId: string) {
  const response = await fetch(running.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': 'rules-key' },
    body: JSON.stringify({ query: check, variables: { customerId, featureId } }),
  })
  const json = (await response.json()) as { data: { customerEntitlement: any }; errors?: unknown[] }
  expect(json.errors).toBeUndefined()
  return json.data.customerEntitlement
}

describe('subscription status rules', () => {
  it('grants for ACTIVE', async () => {
    running.emulator.admin.addCustomer({ customerId: 'c-active', planId: 'plan-pro', status: 'ACTIVE' })
    expect(await entitlement('c-active', 'feature-analytics')).toMatchObject({ isGranted: true, accessDeniedReason: null })
  })

  it('grants for TRIAL until trialEndDate, then denies with NoActiveSubscription', async () => {
    running.emulator.admin.addCustomer({ customerId: 'c-trial', planId: 'plan-pro', status: 'TRIAL', trialEndDate: new Date(start.getTime() + 3 * day) })
    expect(await entitlement('c-trial', 'feature-analytics')).toMatchObject({ isGranted: true })
    running.emulator.admin.advanceClock(3 * day)
    expect(await entitlement('c-trial', 'feature-analytics')).toMatchObject({ isGranted: false, accessDeniedReason: 'NoActiveSubscription' })
  })

  it('never grants for PAUSED', async () => {
    expect(await entitlement('customer-paused', 'feature-analytics')).toMatchObject({ isGranted: false, accessDeniedReason: 'NoActiveSubscription' })
    expect(await entitlement('customer-paused', 'feature-api-calls')).toMatchObject({ isGranted: false, usageLimit: 10000, currentUsage: 800 })
  })

  it('grants for CANCELED before endDate and denies after it', async () => {
    expect(await entitlement('customer-canceled', 'feature-analytics')).toMatchObject({ isGranted: true })
    running.emulator.admin.advanceClock(10 * day - 1)
    expect(await entitlement('customer-canceled', 'feature-analytics')).toMatchObject({ isGranted: true })
    running.emulator.admin.advanceClock(1)
    expect(await entitlement('customer-canceled', 'feature-analytics')).toMatchObject({ isGranted: false, accessDeniedReason: 'NoActiveSubscription' })
  })

  it('denies CANCELED without an endDate', async () => {
    running.emulator.admin.setSubscription('customer-canceled', { endDate: null })
    expect(await entitlement('customer-canceled', 'feature-analytics')).toMatchObject({ isGranted: false, accessDeniedReason: 'NoActiveSubscription' })
  })

  it('follows setSubscription to another plan and status', async () => {
    expect(await entitlement('customer-free', 'feature-analytics')).toMatchObject({ isGranted: false, accessDeniedReason: 'NoFeatureEntitlementInSubscription' })
    running.emulator.admin.setSubscription('customer-free', { planId: 'plan-pro' })
    expect(await entitlement('customer-free', 'feature-analytics')).toMatchObject({ isGranted: true })
    running.emulator.admin.setSubscription('customer-free', { status: 'PAUSED' })
    expect(await entitlement('customer-free', 'feature-analytics')).toMatchObject({ isGranted: false, accessDeniedReason: 'NoActiveSubscription' })
  })
})

describe('limits', () => {
  it('denies with RequestedUsageExceedingLimit once usage reaches the limit', async () => {
    running.emulator.admin.setUsage('customer-free', 'feature-api-calls', 999)
    expect(await entitlement('customer-free', 'feature-api-calls')).toMatchObject({ isGranted: true, usageLimit: 1000, currentUsage: 999 })
    running.emulator.admin.setUsage('customer-free', 'feature-api-calls', 1000)
    expect(await entitlement('customer-free', 'feature-api-calls')).toMatchObject({
      isGranted: false,
      currentUsage: 1000,
      accessDeniedReason: 'RequestedUsageExceedingLimit',
    })
  })

  it('reports unlimited as usageLimit null and keeps granting', async () => {
    expect(await entitlement('customer-enterprise', 'feature-api-calls')).toMatchObject({ isGranted: true, usageLimit: null, currentUsage: 250000 })
    expect(await entitlement('customer-enterprise', 'feature-sso')).toMatchObject({ isGranted: true, usageLimit: null, resetPeriod: null })
  })

  it('seeds customer-pro above 90% of its API-call limit', async () => {
    const pro = await entitlement('customer-pro', 'feature-api-calls')
    expect(pro.currentUsage / pro.usageLimit).toBeGreaterThan(0.9)
    expect(pro.isGranted).toBe(true)
  })
})

describe('usage periods', () => {
  it('resets monthly usage at the calendar boundary counted from the subscription start', async () => {
    running.emulator.admin.addCustomer({ customerId: 'c-month', startDate: start, usage: { 'feature-api-calls': 400, 'feature-seats': 2 } })
    expect(await entitlement('c-month', 'feature-api-calls')).toMatchObject({ currentUsage: 400, usagePeriodEnd: '2025-02-28T12:00:00.000Z' })
    running.emulator.admin.advanceClock(28 * day - 1)
    expect((await entitlement('c-month', 'feature-api-calls')).currentUsage).toBe(400)
    running.emulator.admin.advanceClock(1)
    expect(await entitlement('c-month', 'feature-api-calls')).toMatchObject({ currentUsage: 0, usagePeriodEnd: '2025-03-31T12:00:00.000Z' })
    // Seats never reset.
    expect(await entitlement('c-month', 'feature-seats')).toMatchObject({ currentUsage: 2, resetPeriod: null, usagePeriodEnd: null })
  })

  it('counts usage reported after a boundary from zero', async () => {
    running.emulator.admin.addCustomer({ customerId: 'c-limit', startDate: start, usage: { 'feature-api-calls': 1000 } })
    expect((await entitlement('c-limit', 'feature-api-calls')).isGranted).toBe(false)
    running.emulator.admin.advanceClock(30 * day)
    expect(await entitlement('c-limit', 'feature-api-calls')).toMatchObject({ isGranted: true, currentUsage: 0 })
    const response = await fetch(running.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': 'rules-key' },
      body: JSON.stringify({
        query: 'mutation { reportUsage(input: { customerId: "c-limit", featureId: "feature-api-calls", value: 7 }) { currentUsage } }',
      }),
    })
    expect(await response.json()).toEqual({ data: { reportUsage: { currentUsage: 7 } } })
    expect(running.emulator.admin.getUsage('c-limit', 'feature-api-calls')).toBe(7)
  })
})

describe('unknown ids', () => {
  it('answers CustomerNotFound and FeatureNotFound with HTTP 200', async () => {
    for (const [customerId, featureId, code] of [
      ['nobody', 'feature-api-calls', 'CustomerNotFound'],
      ['customer-free', 'feature-nope', 'FeatureNotFound'],
    ]) {
      const response = await fetch(running.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': 'rules-key' },
        body: JSON.stringify({ query: check, variables: { customerId, featureId } }),
      })
      expect(response.status).toBe(200)
      const json = (await response.json()) as { data: unknown; errors: any[] }
      expect(json.data).toEqual({ customerEntitlement: null })
      expect(json.errors[0]).toMatchObject({ path: ['customerEntitlement'], locations: [{ line: 2, column: 3 }], extensions: { code } })
    }
  })

  it('makes admin calls with unknown ids throw an error naming the call', () => {
    expect(() => running.emulator.admin.setUsage('nobody', 'feature-api-calls', 1)).toThrow(
      'emulator.admin.setUsage: Customer "nobody" not found',
    )
    expect(() => running.emulator.admin.setSubscription('customer-free', { planId: 'plan-gold' })).toThrow(
      'emulator.admin.setSubscription: Unknown plan "plan-gold"',
    )
    expect(() => running.emulator.admin.setUsage('customer-free', 'feature-sso', 1)).toThrow('boolean feature')
  })
})
