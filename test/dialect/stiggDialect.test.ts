import { createEmulator, type Emulator } from 'react-stigg/emulator'
import { createStiggProxy, type StiggDialectName, type StiggProxyEvent } from 'react-stigg/server'
import { beforeEach, describe, expect, it } from 'vitest'

// The browser's documents (src/core/documents.ts), written out as the client sends them.
const entitlementFields = `fragment StiggEntitlementFields on Entitlement {
  featureId isGranted usageLimit currentUsage resetPeriod accessDeniedReason usagePeriodEnd
  feature { id displayName featureType units unitsPlural }
}`
const batch = (count: number) =>
  `query StiggEntitlements($customerId: String!, ${Array.from({ length: count }, (_, i) => `$f${i}: String!`).join(', ')}) {\n` +
  Array.from({ length: count }, (_, i) => `  e${i}: customerEntitlement(customerId: $customerId, featureId: $f${i}) { ...StiggEntitlementFields }`).join('\n') +
  `\n}\n${entitlementFields}`
const subscriptions = `query StiggSubscriptions($customerId: String!) {
  customerSubscriptions(customerId: $customerId) { id status startDate endDate trialEndDate plan { id name description } }
}`
const reportUsage = `mutation StiggReportUsage($input: ReportUsageInput!) {
  reportUsage(input: $input) { id customerId featureId currentUsage usagePeriodEnd timestamp }
}`
const provision = `mutation StiggProvisionCustomer($input: ProvisionCustomerInput!) {
  provisionCustomer(input: $input) { customer { id name email } subscription { id status trialEndDate plan { id name } } }
}`

interface Body {
  data?: Record<string, any> | null
  errors?: Array<{ message: string; path?: unknown[]; extensions?: { code?: string } }>
}

let emulator: Emulator
let events: StiggProxyEvent[]

function proxyFor(dialect: StiggDialectName, fetch: (request: Request) => Promise<Response> = emulator.fetch) {
  return createStiggProxy({
    apiKey: emulator.apiKey,
    upstreamUrl: dialect === 'stigg' ? 'http://emulator.test/hosted/graphql' : 'http://emulator.test/graphql',
    dialect,
    fetch,
    identify: (request) => ({ customerId: request.headers.get('x-customer') ?? 'customer-free' }),
    allow: { reportUsage: { maxValue: 50 }, provisionCustomer: { plans: ['plan-free', 'plan-pro'], trial: true } },
    onEvent: (event) => events.push(event),
  })
}

async function send(proxy: (request: Request) => Promise<Response>, query: string, variables: Record<string, unknown>, customer = 'customer-free') {
  const response = await proxy(
    new Request('http://app.test/api/stigg', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-customer': customer },
      body: JSON.stringify({ query, variables }),
    }),
  )
  return { status: response.status, body: (await response.json()) as Body }
}

const features = ['feature-api-calls', 'feature-seats', 'feature-sso', 'feature-analytics']
const batchVariables = (customerId: string) => ({ customerId, ...Object.fromEntries(features.map((id, i) => [`f${i}`, id])) })

beforeEach(() => {
  emulator = createEmulator({ apiKey: 'upstream-key', now: () => new Date('2026-03-10T12:00:00.000Z') })
  events = []
})

describe("dialect 'stigg' against the emulator's hosted schema", () => {
  it('sends a batch of aliased checks as ONE hosted request of aliased entitlement(query:) fields', async () => {
    const { status, body } = await send(proxyFor('stigg'), batch(4), batchVariables('customer-pro'), 'customer-pro')
    expect(status).toBe(200)
    expect(emulator.requests).toHaveLength(1)
    const upstream = emulator.requests[0]!
    expect(upstream.path).toBe('/hosted/graphql')
    expect(upstream.headers['x-api-key']).toBe('upstream-key')
    expect(upstream.query?.match(/entitlement\(query: \$v\d\)/g)).toHaveLength(4)
    expect(upstream.query).not.toContain('customerEntitlement')
    expect(upstream.variables).toMatchObject({ v0: { customerId: 'customer-pro', featureId: 'feature-api-calls' } })
    expect(body.data?.['e0']).toMatchObject({
      featureId: 'feature-api-calls',
      isGranted: true,
      usageLimit: 10000,
      currentUsage: 9300,
      resetPeriod: 'MONTHLY',
      feature: { id: 'feature-api-calls', displayName: 'API calls', featureType: 'METERED', units: 'API call', unitsPlural: 'API calls' },
    })
    expect(body.data?.['e2']).toMatchObject({ featureId: 'feature-sso', isGranted: false, accessDeniedReason: 'NoFeatureEntitlementInSubscription' })
    expect(events).toMatchObject([{ type: 'allowed', rootFields: ['customerEntitlement'] }])
  })

  it.each(['customer-free', 'customer-pro', 'customer-trial', 'customer-canceled', 'customer-paused', 'customer-enterprise'])(
    'hands the browser exactly what the seed upstream does for %s',
    async (customerId) => {
      const seed = proxyFor('seed')
      const stigg = proxyFor('stigg')
      const viaSeed = await send(seed, batch(4), batchVariables(customerId), customerId)
      const viaStigg = await send(stigg, batch(4), batchVariables(customerId), customerId)
      expect(viaStigg).toEqual(viaSeed)
      const subsSeed = await send(seed, subscriptions, { customerId }, customerId)
      const subsStigg = await send(stigg, subscriptions, { customerId }, customerId)
      expect(subsStigg).toEqual(subsSeed)
      expect(subsStigg.body.data?.['customerSubscriptions']).toHaveLength(1)
    },
  )

  it('applies the firewall to the seed operation before anything is translated or sent', async () => {
    const proxy = proxyFor('stigg')
    const other = await send(proxy, batch(1), { customerId: 'customer-pro', f0: 'feature-sso' })
    expect(other.status).toBe(403)
    const hostedShaped = await send(proxy, '{ entitlement(query: { customerId: "customer-free", featureId: "feature-sso" }) { isGranted } }', {})
    expect(hostedShaped.status).toBe(403)
    expect(hostedShaped.body.errors?.[0]?.message).toMatch(/"entitlement" is not allowed/)
    const tooMuch = await send(proxy, reportUsage, { input: { customerId: 'customer-free', featureId: 'feature-api-calls', value: 51 } })
    expect(tooMuch.status).toBe(403)
    const invalid = await send(proxy, '{ customerEntitlement(customerId: "customer-free", featureId: "feature-sso") { hasUnlimitedUsage } }', {})
    expect(invalid.status).toBe(400)
    expect(invalid.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED')
    expect(emulator.requests).toHaveLength(0)
    expect(events.map((event) => event.type)).toEqual(['denied', 'denied', 'denied', 'denied'])
  })

  it('answers introspection (when allowed) from the seed schema the browser speaks, not the hosted one', async () => {
    const proxy = createStiggProxy({
      apiKey: emulator.apiKey,
      upstreamUrl: 'http://emulator.test/hosted/graphql',
      dialect: 'stigg',
      fetch: emulator.fetch,
      identify: () => ({ customerId: 'customer-free' }),
      allow: { introspection: true },
    })
    const { body } = await send(proxy, '{ __type(name: "Plan") { fields { name } } }', {})
    expect(body.data?.['__type'].fields.map((field: { name: string }) => field.name)).toEqual(['id', 'name', 'description'])
    expect(emulator.requests.map((request) => request.query)).toEqual(['query { __typename }'])
  })

  it('reports usage without the idempotencyKey hosted ReportUsageInput lacks (Stigg clients 2.235/3.108)', async () => {
    const proxy = proxyFor('stigg')
    const input = { customerId: 'customer-free', featureId: 'feature-api-calls', value: 5, idempotencyKey: 'k-123456789012345' }
    const first = await send(proxy, reportUsage, { input })
    expect(first.body.data?.['reportUsage']).toMatchObject({ customerId: 'customer-free', featureId: 'feature-api-calls', currentUsage: 125 })
    expect(emulator.admin.getUsage('customer-free', 'feature-api-calls')).toBe(125)
    expect(emulator.requests[0]?.variables).toEqual({ v0: { customerId: 'customer-free', featureId: 'feature-api-calls', value: 5 } })
  })

  it('provisions with subscriptionParams: TRIAL becomes a trial override; PAUSED is refused by the firewall before sending', async () => {
    const proxy = proxyFor('stigg')
    const trialEndDate = '2026-03-24T12:00:00.000Z'
    const input = { customerId: 'customer-new', name: 'New Co', subscriptionParams: { planId: 'plan-pro', status: 'TRIAL', trialEndDate } }
    const created = await send(proxy, provision, { input }, 'customer-new')
    expect(created.body).toEqual({
      data: {
        provisionCustomer: {
          customer: { id: 'customer-new', name: 'New Co', email: null },
          subscription: { id: 'subscription-customer-new', status: 'TRIAL', trialEndDate, plan: { id: 'plan-pro', name: 'Pro' } },
        },
      },
    })
    expect((emulator.requests[0]?.variables as any).v0.subscriptionParams).toEqual({ planId: 'plan-pro', trialOverrideConfiguration: { isTrial: true, trialEndDate } })
    const paused = await send(proxy, provision, { input: { customerId: 'customer-x', subscriptionParams: { planId: 'plan-pro', status: 'PAUSED' } } }, 'customer-x')
    // allow.provisionCustomer lets the browser start a plan as the plan defines it, never PAUSED.
    expect(paused.status).toBe(403)
    expect(paused.body.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } })
    expect(paused.body.errors?.[0]?.message).toMatch(/PAUSED/)
    expect(emulator.requests).toHaveLength(1)
  })
})
