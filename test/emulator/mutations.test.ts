import { ClientError, GraphQLClient } from 'graphql-request'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startEmulator, type RunningEmulator } from 'react-stigg/emulator'
import { provisionCustomerDocument, reportUsageDocument } from '../../src/core/documents'

let running: RunningEmulator
let client: GraphQLClient
beforeAll(async () => {
  running = await startEmulator({ apiKey: 'mutations-key' })
  client = new GraphQLClient(running.url, { headers: { 'X-API-KEY': 'mutations-key' } })
})
afterAll(() => running.close())
beforeEach(() => running.emulator.admin.reset())

type Report = { reportUsage: { id: string; currentUsage: number; customerId: string; featureId: string; timestamp: string } }
const report = (input: Record<string, unknown>) => client.request<Report>(reportUsageDocument, { input })
const errorOf = (promise: Promise<unknown>) => promise.then(() => null, (error: ClientError) => error.response.errors?.[0])

describe('reportUsage', () => {
  it('adds the value and answers the new currentUsage', async () => {
    const first = await report({ customerId: 'customer-free', featureId: 'feature-api-calls', value: 30 })
    expect(first.reportUsage).toMatchObject({ customerId: 'customer-free', featureId: 'feature-api-calls', currentUsage: 150 })
    const second = await report({ customerId: 'customer-free', featureId: 'feature-api-calls', value: 0.5 })
    expect(second.reportUsage.currentUsage).toBe(150.5)
    expect(second.reportUsage.id).not.toBe(first.reportUsage.id)
  })

  it('applies a repeated idempotencyKey once and answers the identical result', async () => {
    const input = { customerId: 'customer-free', featureId: 'feature-api-calls', value: 10, idempotencyKey: 'key-1' }
    const first = await report(input)
    const again = await report(input)
    expect(again).toEqual(first)
    expect(running.emulator.admin.getUsage('customer-free', 'feature-api-calls')).toBe(130)
    // Keys are per customer: the same key for another customer is a new report.
    const other = await report({ ...input, customerId: 'customer-pro' })
    expect(other.reportUsage.currentUsage).toBe(9310)
    // A new key applies again.
    const next = await report({ ...input, idempotencyKey: 'key-2' })
    expect(next.reportUsage.currentUsage).toBe(140)
  })

  it.each([0, -5])('rejects value %s with BAD_USER_INPUT and changes nothing', async (value) => {
    const error = await errorOf(report({ customerId: 'customer-free', featureId: 'feature-api-calls', value }))
    expect(error).toMatchObject({
      message: `reportUsage value must be a finite number greater than 0, got ${value}`,
      path: ['reportUsage'],
      extensions: { code: 'BAD_USER_INPUT' },
    })
    expect(running.emulator.admin.getUsage('customer-free', 'feature-api-calls')).toBe(120)
  })

  it('rejects a non-finite value (a 1e999 literal overflows to Infinity) with BAD_USER_INPUT', async () => {
    const error = await errorOf(
      client.request('mutation { reportUsage(input: { customerId: "customer-free", featureId: "feature-api-calls", value: 1e999 }) { id } }'),
    )
    expect(error?.extensions?.code).toBe('BAD_USER_INPUT')
    expect(running.emulator.admin.getUsage('customer-free', 'feature-api-calls')).toBe(120)
  })

  it('rejects a non-numeric variable with HTTP 400 and BAD_USER_INPUT', async () => {
    const failure = (await report({ customerId: 'customer-free', featureId: 'feature-api-calls', value: 'lots' }).catch((e) => e)) as ClientError
    expect(failure.response.status).toBe(400)
    expect(failure.response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT')
  })

  it('names unknown customers, unknown features and boolean features', async () => {
    expect(await errorOf(report({ customerId: 'nobody', featureId: 'feature-api-calls', value: 1 }))).toMatchObject({
      extensions: { code: 'CustomerNotFound' },
    })
    expect(await errorOf(report({ customerId: 'customer-free', featureId: 'feature-x', value: 1 }))).toMatchObject({
      extensions: { code: 'FeatureNotFound' },
    })
    expect(await errorOf(report({ customerId: 'customer-free', featureId: 'feature-sso', value: 1 }))).toMatchObject({
      message: 'Feature "feature-sso" is a boolean feature; only metered features take usage',
      extensions: { code: 'BAD_USER_INPUT' },
    })
  })

  it('sums 500 concurrent reports exactly', { timeout: 30_000 }, async () => {
    running.emulator.admin.addCustomer({ customerId: 'c-load', planId: 'plan-enterprise' })
    const results = await Promise.all(
      Array.from({ length: 500 }, (_, i) => report({ customerId: 'c-load', featureId: 'feature-api-calls', value: (i % 3) + 1 })),
    )
    const expected = Array.from({ length: 500 }, (_, i) => (i % 3) + 1).reduce((a, b) => a + b, 0)
    expect(running.emulator.admin.getUsage('c-load', 'feature-api-calls')).toBe(expected)
    expect(Math.max(...results.map((r) => r.reportUsage.currentUsage))).toBe(expected)
    expect(new Set(results.map((r) => r.reportUsage.currentUsage)).size).toBe(500)
  })
})

describe('provisionCustomer', () => {
  type Provisioned = { provisionCustomer: { customer: any; subscription: any } }
  const provision = (input: Record<string, unknown>) => client.request<Provisioned>(provisionCustomerDocument, { input })

  it('gives a new customer the default plan, ACTIVE', async () => {
    const { provisionCustomer } = await provision({ customerId: 'c-new', name: 'New', email: 'new@example.com' })
    expect(provisionCustomer.customer).toMatchObject({ id: 'c-new', name: 'New', email: 'new@example.com' })
    expect(provisionCustomer.subscription).toMatchObject({ status: 'ACTIVE', plan: { id: 'plan-free' }, endDate: null })
  })

  it('is idempotent for an existing id: updates name and email, keeps usage and subscription', async () => {
    const before = running.emulator.admin.snapshot().customers['customer-pro']
    const { provisionCustomer } = await provision({
      customerId: 'customer-pro',
      name: 'Renamed',
      subscriptionParams: { planId: 'plan-free' },
    })
    expect(provisionCustomer.customer).toMatchObject({ id: 'customer-pro', name: 'Renamed', email: before?.email })
    expect(provisionCustomer.subscription).toMatchObject({ status: 'ACTIVE', plan: { id: 'plan-pro' } })
    expect(running.emulator.admin.getUsage('customer-pro', 'feature-api-calls')).toBe(9300)
    expect(running.emulator.admin.snapshot().customers['customer-pro']?.subscriptions).toEqual(before?.subscriptions)
  })

  it('honours subscriptionParams for a new customer', async () => {
    const { provisionCustomer } = await provision({
      customerId: 'c-trial',
      subscriptionParams: { planId: 'plan-enterprise', status: 'TRIAL', trialEndDate: '2030-01-01T00:00:00Z' },
    })
    expect(provisionCustomer.subscription).toMatchObject({
      status: 'TRIAL',
      plan: { id: 'plan-enterprise', name: 'Enterprise' },
      trialEndDate: '2030-01-01T00:00:00.000Z',
    })
  })

  it('rejects an unknown planId with BAD_USER_INPUT naming it, creating nothing', async () => {
    const error = await errorOf(provision({ customerId: 'c-bad', subscriptionParams: { planId: 'plan-gold' } }))
    expect(error).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } })
    expect(error?.message).toContain('"plan-gold"')
    expect(running.emulator.admin.snapshot().customers['c-bad']).toBeUndefined()
  })

  it('rejects a bad date with BAD_USER_INPUT', async () => {
    const error = await errorOf(provision({ customerId: 'c-date', subscriptionParams: { planId: 'plan-pro', startDate: 'soon' } }))
    expect(error).toMatchObject({ message: 'startDate: "soon" is not an ISO-8601 date', extensions: { code: 'BAD_USER_INPUT' } })
    expect(running.emulator.admin.snapshot().customers['c-date']).toBeUndefined()
  })
})
