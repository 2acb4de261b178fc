import { createStiggProxy } from 'react-stigg/server'
import { describe, expect, it } from 'vitest'

// A hand-written hosted upstream: each test decides what "hosted Stigg" answers, including
// values the emulator never produces (NOT_STARTED, BudgetExceeded, internal ids ≠ refIds).
interface Sent {
  query: string
  operationName?: string
  variables: Record<string, any>
}

function proxyAnswering(answer: (sent: Sent) => unknown, status = 200) {
  const sent: Sent[] = []
  const proxy = createStiggProxy({
    apiKey: 'key',
    upstreamUrl: 'https://api.stigg.test/graphql',
    dialect: 'stigg',
    identify: () => ({ customerId: 'customer-a' }),
    fetch: async (request) => {
      const body = (await request.json()) as Sent
      sent.push(body)
      return Response.json(answer(body), { status })
    },
  })
  const send = async (query: string, variables: Record<string, unknown> = {}) => {
    const response = await proxy(
      new Request('http://app.test/api/stigg', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) }),
    )
    return { status: response.status, body: (await response.json()) as { data?: any; errors?: any[] } }
  }
  return { send, sent }
}

const hostedEntitlement = (over: Record<string, unknown> = {}) => ({
  isGranted: true,
  accessDeniedReason: null,
  usageLimit: 100,
  hasUnlimitedUsage: false,
  currentUsage: 7,
  resetPeriod: 'MONTH',
  usagePeriodEnd: '2026-04-01T00:00:00.000Z',
  nextResetDate: null,
  feature: { refId: 'feature-x', displayName: 'X calls', featureType: 'NUMBER', meterType: 'Incremental', featureUnits: 'call', featureUnitsPlural: 'calls' },
  ...over,
})

const check = `query Check($f: String!) { c: customerEntitlement(customerId: "customer-a", featureId: $f) {
  featureId isGranted usageLimit currentUsage resetPeriod accessDeniedReason usagePeriodEnd feature { id displayName featureType units unitsPlural } } }`

const subscriptions = `{ customerSubscriptions(customerId: "customer-a") { id status endDate plan { id name description } } }`

describe("dialect 'stigg' maps hosted values onto the seed shapes", () => {
  it.each([
    ['HOUR', 'HOURLY'],
    ['DAY', 'DAILY'],
    ['WEEK', 'WEEKLY'],
    ['MONTH', 'MONTHLY'],
    ['YEAR', 'YEARLY'],
    [null, null],
  ])('reset period %s → %s', async (hosted, seed) => {
    const { send } = proxyAnswering(() => ({ data: { h0: hostedEntitlement({ resetPeriod: hosted }) } }))
    expect((await send(check, { f: 'feature-x' })).body.data.c.resetPeriod).toBe(seed)
  })

  it('maps feature names, unlimited usage and the usage period end', async () => {
    const { send, sent } = proxyAnswering(() => ({ data: { h0: hostedEntitlement({ hasUnlimitedUsage: true, usageLimit: 0, usagePeriodEnd: null, nextResetDate: 1775001600000 }) } }))
    const { body } = await send(check, { f: 'feature-x' })
    expect(body).toEqual({
      data: {
        c: {
          featureId: 'feature-x',
          isGranted: true,
          usageLimit: null,
          currentUsage: 7,
          resetPeriod: 'MONTHLY',
          accessDeniedReason: null,
          usagePeriodEnd: '2026-04-01T00:00:00.000Z',
          feature: { id: 'feature-x', displayName: 'X calls', featureType: 'METERED', units: 'call', unitsPlural: 'calls' },
        },
      },
    })
    expect(sent[0]?.variables).toEqual({ v0: { customerId: 'customer-a', featureId: 'feature-x' } })
    expect(sent[0]?.operationName).toBe('Check')
  })

  it.each([
    ['BOOLEAN', 'None', 'BOOLEAN'],
    ['NUMBER', 'None', 'NUMERIC'],
    ['NUMBER', 'Fluctuating', 'METERED'],
    ['NUMBER', 'Incremental', 'METERED'],
  ])('feature %s/%s is a seed %s feature', async (featureType, meterType, seed) => {
    const feature = { ...hostedEntitlement().feature, featureType, meterType }
    const { send } = proxyAnswering(() => ({ data: { h0: hostedEntitlement({ feature }) } }))
    expect((await send(check, { f: 'feature-x' })).body.data.c.feature.featureType).toBe(seed)
  })

  it.each([
    ['BudgetExceeded', 'BudgetExceeded'],
    ['CustomerIsArchived', 'CustomerIsArchived'],
    ['NoActiveSubscription', 'NoActiveSubscription'],
    ['SomethingNewer', 'Unknown'],
  ])('denial %s → %s', async (hosted, seed) => {
    const { send } = proxyAnswering(() => ({ data: { h0: hostedEntitlement({ isGranted: false, accessDeniedReason: hosted }) } }))
    expect((await send(check, { f: 'feature-x' })).body.data.c).toMatchObject({ isGranted: false, accessDeniedReason: seed })
  })

  it.each([
    ['ACTIVE', 'ACTIVE'],
    ['IN_TRIAL', 'TRIAL'],
    ['CANCELED', 'CANCELED'],
    ['EXPIRED', 'CANCELED'],
    ['NOT_STARTED', 'PAUSED'],
    ['PAYMENT_PENDING', 'PAUSED'],
    ['SOME_NEWER_STATUS', 'PAUSED'],
  ])('subscription status %s → %s, with subscriptionId and the plan refId/displayName', async (hosted, seed) => {
    const { send, sent } = proxyAnswering(() => ({
      data: {
        h0: [
          {
            subscriptionId: 'sub-ref',
            status: hosted,
            startDate: '2026-01-01T00:00:00.000Z',
            endDate: '2026-02-01T00:00:00.000Z',
            trialEndDate: null,
            plan: { refId: 'plan-pro', displayName: 'Pro', description: null },
          },
        ],
      },
    }))
    const { body } = await send(subscriptions)
    expect(body.data.customerSubscriptions).toEqual([
      { id: 'sub-ref', status: seed, endDate: '2026-02-01T00:00:00.000Z', plan: { id: 'plan-pro', name: 'Pro', description: null } },
    ])
    expect(sent[0]?.query).toMatch(/getActiveSubscriptions\(input: \$v0\)/)
  })

  it('gives an EXPIRED subscription without an endDate an end in the past, so it never reads as running', async () => {
    const { send } = proxyAnswering(() => ({
      data: { h0: [{ subscriptionId: 's', status: 'EXPIRED', startDate: '2026-01-01T00:00:00.000Z', endDate: null, plan: { refId: 'p', displayName: 'P' } }] },
    }))
    const before = Date.now()
    const { body } = await send(subscriptions)
    expect(Date.parse(body.data.customerSubscriptions[0].endDate)).toBeGreaterThanOrEqual(before - 1000)
    expect(Date.parse(body.data.customerSubscriptions[0].endDate)).toBeLessThanOrEqual(Date.now())
  })

  it("puts a hosted field's error on the seed alias, its extensions.code passed through opaque", async () => {
    const { send } = proxyAnswering(() => ({
      data: { h0: hostedEntitlement(), h1: null },
      errors: [{ message: 'Customer not found', path: ['h1'], locations: [{ line: 3, column: 3 }], extensions: { code: 'CUSTOMER_NOT_FOUND', isValidationError: false } }],
    }))
    const query = `{ ok: customerEntitlement(customerId: "customer-a", featureId: "feature-x") { isGranted }
      gone: customerEntitlement(customerId: "customer-a", featureId: "feature-y") { isGranted } }`
    const { status, body } = await send(query)
    expect(status).toBe(200)
    expect(body.data).toEqual({ ok: { isGranted: true }, gone: null })
    // Reduced to message, path and code (exposeUpstreamErrors: false): no locations, no other extensions.
    expect(body.errors).toEqual([{ message: 'Customer not found', path: ['gone'], extensions: { code: 'CUSTOMER_NOT_FOUND' } }])
  })

  it('gives every check of a batch an error when one failing field nulls the whole hosted answer', async () => {
    const { send } = proxyAnswering(() => ({ data: null, errors: [{ message: 'Internal error', path: ['h1'], extensions: { code: 'INTERNAL' } }] }))
    const query = `{ ok: customerEntitlement(customerId: "customer-a", featureId: "feature-x") { isGranted }
      bad: customerEntitlement(customerId: "customer-a", featureId: "feature-y") { isGranted } }`
    const { body } = await send(query)
    expect(body).toEqual({
      data: null,
      errors: [
        { message: 'Internal error', path: ['bad'], extensions: { code: 'INTERNAL' } },
        { message: 'Stigg answered no data for this batch because another field failed: Internal error', extensions: { code: 'UPSTREAM_ERROR' } },
      ],
    })
  })

  it('passes a whole-request failure on in GraphQL shape, with its code', async () => {
    const { send } = proxyAnswering(() => ({ errors: [{ message: 'Unknown environment', extensions: { code: 'Unauthenticated' } }] }))
    const { status, body } = await send(check, { f: 'feature-x' })
    expect(status).toBe(200)
    expect(body).toEqual({ errors: [{ message: 'Unknown environment', extensions: { code: 'Unauthenticated' } }] })
  })

  it('answers __typename, fragments, @skip and aliases as the seed schema would', async () => {
    const { send, sent } = proxyAnswering(() => ({ data: { h0: hostedEntitlement() } }))
    const query = `query Q($skip: Boolean!) { __typename ...Root kept: customerEntitlement(customerId: "customer-a", featureId: "feature-x") @skip(if: $skip) { isGranted } }
      fragment Root on Query { x: customerEntitlement(customerId: "customer-a", featureId: "feature-x") { __typename ... on Entitlement { limit: usageLimit } } }`
    const { body } = await send(query, { skip: true })
    expect(body).toEqual({ data: { __typename: 'Query', x: { __typename: 'Entitlement', limit: 100 } } })
    expect(sent[0]?.query.match(/entitlement\(/g)).toHaveLength(1)
  })

  it('maps reportUsage and provisionCustomer results: customerId is the customer id', async () => {
    const measurement = { id: 'm1', customerId: 'customer-a', featureId: 'feature-x', currentUsage: 12, usagePeriodEnd: null, nextResetDate: '2026-04-01T00:00:00.000Z', timestamp: '2026-03-10T00:00:00.000Z' }
    const report = proxyAnswering(() => ({ data: { h0: measurement } }))
    const reported = await report.send(`mutation { reportUsage(input: { customerId: "customer-a", featureId: "feature-x", value: 1 }) { id currentUsage usagePeriodEnd } }`)
    expect(reported.status).toBe(403) // allow.reportUsage is off: nothing was sent
    expect(report.sent).toHaveLength(0)

    const provisioned = {
      customer: { customerId: 'customer-a', name: 'A', email: null, createdAt: '2026-03-10T00:00:00.000Z', updatedAt: '2026-03-10T00:00:00.000Z' },
      subscription: null,
    }
    const sent: Sent[] = []
    const proxy = createStiggProxy({
      apiKey: 'key',
      upstreamUrl: 'https://api.stigg.test/graphql',
      dialect: 'stigg',
      identify: () => ({ customerId: 'customer-a' }),
      allow: { provisionCustomer: true, reportUsage: { maxValue: 10 } },
      fetch: async (request) => {
        const body = (await request.json()) as Sent
        sent.push(body)
        return Response.json({ data: { h0: body.query.includes('reportUsage') ? measurement : provisioned } })
      },
    })
    const post = async (query: string) =>
      (await proxy(new Request('http://app.test/', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) }))).json()
    expect(await post(`mutation { reportUsage(input: { customerId: "customer-a", featureId: "feature-x", value: 1 }) { id currentUsage usagePeriodEnd } }`)).toEqual({
      data: { reportUsage: { id: 'm1', currentUsage: 12, usagePeriodEnd: '2026-04-01T00:00:00.000Z' } },
    })
    expect(await post(`mutation { provisionCustomer(input: { customerId: "customer-a", name: "A" }) { customer { id name } subscription { id } } }`)).toEqual({
      data: { provisionCustomer: { customer: { id: 'customer-a', name: 'A' }, subscription: null } },
    })
    expect(sent[1]?.variables).toEqual({ v0: { customerId: 'customer-a', name: 'A' } })
  })
})
