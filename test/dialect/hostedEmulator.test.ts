import { createEmulator, type Emulator } from 'react-stigg/emulator'
import { beforeEach, describe, expect, it } from 'vitest'

// Documents as Stigg's docs and generated clients write them (GetEntitlement, ReportUsage…).
const getEntitlement = /* GraphQL */ `
query GetEntitlement($query: FetchEntitlementQuery!) {
  entitlement(query: $query) {
    isGranted accessDeniedReason customerId usageLimit hasUnlimitedUsage hasSoftLimit currentUsage requestedUsage
    usagePeriodStart usagePeriodEnd nextResetDate resetPeriod
    feature { refId displayName featureType meterType featureUnits featureUnitsPlural }
  }
}`

const getEntitlements = /* GraphQL */ `
query GetEntitlements($query: FetchEntitlementsQuery!) {
  entitlements: cachedEntitlements(query: $query) { isGranted feature { refId } }
}`

const getActiveSubscriptions = /* GraphQL */ `
query GetActiveSubscriptions($input: GetActiveSubscriptionsInput!) {
  getActiveSubscriptions(input: $input) {
    id subscriptionId status startDate endDate trialEndDate
    plan { id refId displayName description }
  }
}`

const reportUsage = /* GraphQL */ `
mutation ReportUsage($input: ReportUsageInput!) {
  reportUsage(input: $input) { id featureId customerId currentUsage usagePeriodEnd nextResetDate timestamp }
}`

const provisionCustomer = /* GraphQL */ `
mutation ProvisionCustomer($input: ProvisionCustomerInput!) {
  provisionCustomer(input: $input) {
    customer { id customerId name email billingId }
    subscriptionDecisionStrategy
    subscription { subscriptionId status trialEndDate plan { refId displayName } }
  }
}`

interface GraphQLBody {
  data?: Record<string, any> | null
  errors?: Array<{ message: string; extensions?: { code?: string } }>
}

let emulator: Emulator

async function hosted(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = { 'x-api-key': 'k' }) {
  const response = await emulator.fetch(
    new Request('http://emulator.test/hosted/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    }),
  )
  return { status: response.status, body: (await response.json()) as GraphQLBody }
}

async function entitlement(customerId: string, featureId: string, options?: Record<string, unknown>) {
  const { body } = await hosted(getEntitlement, { query: { customerId, featureId, ...(options ? { options } : {}) } })
  expect(body.errors).toBeUndefined()
  return body.data?.['entitlement']
}

beforeEach(() => {
  emulator = createEmulator({ apiKey: 'k', now: () => new Date('2026-03-10T12:00:00.000Z') })
})

describe("the emulator's hosted schema at POST /hosted/graphql", () => {
  it('answers entitlement(query:) with hosted names: NUMBER/Incremental, featureUnits, MONTH, a Float limit', async () => {
    const result = await entitlement('customer-free', 'feature-api-calls')
    expect(result).toMatchObject({
      isGranted: true,
      accessDeniedReason: null,
      customerId: 'customer-free',
      usageLimit: 1000,
      hasUnlimitedUsage: false,
      hasSoftLimit: false,
      currentUsage: 120,
      requestedUsage: 1,
      resetPeriod: 'MONTH',
      feature: { refId: 'feature-api-calls', displayName: 'API calls', featureType: 'NUMBER', meterType: 'Incremental', featureUnits: 'API call', featureUnitsPlural: 'API calls' },
    })
    expect(Date.parse(result.usagePeriodStart)).toBeLessThan(Date.parse('2026-03-10T12:00:00.000Z'))
    expect(Date.parse(result.usagePeriodEnd)).toBeGreaterThan(Date.parse('2026-03-10T12:00:00.000Z'))
    expect(result.nextResetDate).toBe(result.usagePeriodEnd)
  })

  it('decides with options.requestedUsage: granted iff currentUsage + requestedUsage <= usageLimit', async () => {
    expect(await entitlement('customer-free', 'feature-api-calls', { requestedUsage: 880 })).toMatchObject({ isGranted: true, requestedUsage: 880 })
    expect(await entitlement('customer-free', 'feature-api-calls', { requestedUsage: 881 })).toMatchObject({
      isGranted: false,
      accessDeniedReason: 'RequestedUsageExceedingLimit',
    })
    emulator.admin.setUsage('customer-free', 'feature-api-calls', 1000)
    expect(await entitlement('customer-free', 'feature-api-calls')).toMatchObject({ isGranted: false, accessDeniedReason: 'RequestedUsageExceedingLimit' })
    expect(await entitlement('customer-free', 'feature-api-calls', { requestedUsage: 0 })).toMatchObject({ isGranted: true })
    const { body } = await hosted(getEntitlement, { query: { customerId: 'customer-free', featureId: 'feature-api-calls', options: { requestedUsage: -1 } } })
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT')
  })

  it('marks unlimited usage with hasUnlimitedUsage and a null usageLimit; seats are Fluctuating; booleans None', async () => {
    expect(await entitlement('customer-enterprise', 'feature-api-calls')).toMatchObject({ isGranted: true, hasUnlimitedUsage: true, usageLimit: null })
    expect(await entitlement('customer-free', 'feature-seats')).toMatchObject({ usageLimit: 3, resetPeriod: null, feature: { meterType: 'Fluctuating' } })
    expect(await entitlement('customer-enterprise', 'feature-sso')).toMatchObject({
      isGranted: true,
      usageLimit: null,
      hasUnlimitedUsage: false,
      feature: { featureType: 'BOOLEAN', meterType: 'None' },
    })
    expect(await entitlement('customer-free', 'feature-sso')).toMatchObject({ isGranted: false, accessDeniedReason: 'NoFeatureEntitlementInSubscription' })
    expect(await entitlement('customer-paused', 'feature-analytics')).toMatchObject({ isGranted: false, accessDeniedReason: 'NoActiveSubscription' })
  })

  it('answers unknown customers, features and resources as denials, not errors', async () => {
    expect(await entitlement('customer-nobody', 'feature-sso')).toMatchObject({ isGranted: false, accessDeniedReason: 'CustomerNotFound', feature: null })
    expect(await entitlement('customer-free', 'feature-nothing')).toMatchObject({ isGranted: false, accessDeniedReason: 'FeatureNotFound' })
    const { body } = await hosted(getEntitlement, { query: { customerId: 'customer-free', featureId: 'feature-sso', resourceId: 'site-1' } })
    expect(body.data?.['entitlement']).toMatchObject({ isGranted: false, accessDeniedReason: 'CustomerResourceNotFound' })
  })

  it('lists what the customer is entitled to with cachedEntitlements(query:)', async () => {
    const { body } = await hosted(getEntitlements, { query: { customerId: 'customer-pro' } })
    const ids = (body.data?.['entitlements'] as Array<{ feature: { refId: string } }>).map((e) => e.feature.refId).sort()
    expect(ids).toEqual(['feature-analytics', 'feature-api-calls', 'feature-projects', 'feature-seats'])
    expect((await hosted(getEntitlements, { query: { customerId: 'customer-paused' } })).body.data?.['entitlements']).toEqual([])
    // Stigg's SDKs read an empty list as "customer not found" (node-server-sdk's doesCustomerExist); an error would fail their start-up.
    const missing = await hosted(getEntitlements, { query: { customerId: 'customer-nobody' } })
    expect(missing.body).toEqual({ data: { entitlements: [] } })
  })

  it('answers getActiveSubscriptions(input:) with hosted statuses and Plan { id refId displayName }', async () => {
    const trial = await hosted(getActiveSubscriptions, { input: { customerId: 'customer-trial' } })
    expect(trial.body.data?.['getActiveSubscriptions']).toEqual([
      expect.objectContaining({
        subscriptionId: 'subscription-customer-trial',
        status: 'IN_TRIAL',
        plan: { id: 'plan-pro', refId: 'plan-pro', displayName: 'Pro', description: 'For growing teams' },
      }),
    ])
    const paused = await hosted(getActiveSubscriptions, { input: { customerId: 'customer-paused' } })
    expect(paused.body.data?.['getActiveSubscriptions'][0].status).toBe('PAYMENT_PENDING')
    const canceled = await hosted(getActiveSubscriptions, { input: { customerId: 'customer-canceled' } })
    expect(canceled.body.data?.['getActiveSubscriptions'][0].status).toBe('CANCELED')
    emulator.admin.advanceClock(11 * 86_400_000) // past its endDate: EXPIRED, so no longer active
    expect((await hosted(getActiveSubscriptions, { input: { customerId: 'customer-canceled' } })).body.data?.['getActiveSubscriptions']).toEqual([])
  })

  it('reports usage DELTA and SET; hosted ReportUsageInput has no idempotencyKey', async () => {
    const input = { customerId: 'customer-free', featureId: 'feature-api-calls', value: 5 }
    const first = await hosted(reportUsage, { input })
    expect(first.body.data?.['reportUsage']).toMatchObject({ customerId: 'customer-free', featureId: 'feature-api-calls', currentUsage: 125 })
    expect(first.body.data?.['reportUsage'].nextResetDate).toBe(first.body.data?.['reportUsage'].usagePeriodEnd)
    const keyed = await hosted(reportUsage, { input: { ...input, idempotencyKey: 'report-1' } })
    expect(keyed.status).toBe(400)
    expect(keyed.body.errors?.[0]?.message).toMatch(/idempotencyKey/)
    const set = await hosted(reportUsage, { input: { customerId: 'customer-free', featureId: 'feature-seats', value: 0, updateBehavior: 'SET' } })
    expect(set.body.data?.['reportUsage'].currentUsage).toBe(0)
    expect(emulator.admin.getUsage('customer-free', 'feature-seats')).toBe(0)
    const delta0 = await hosted(reportUsage, { input: { customerId: 'customer-free', featureId: 'feature-seats', value: 0 } })
    expect(delta0.body.errors?.[0]?.message).toMatch(/greater than 0/)
    const resource = await hosted(reportUsage, { input: { ...input, resourceId: 'site-1' } })
    expect(resource.body.errors?.[0]?.extensions?.code).toBe('CustomerResourceNotFound')
  })

  it('provisions with billingId and subscriptionParams { planId billingPeriod trialOverrideConfiguration }', async () => {
    const input = {
      customerId: 'customer-new',
      name: 'New Co',
      email: 'a@new.example',
      billingId: 'cus_123',
      subscriptionParams: { planId: 'plan-pro', billingPeriod: 'MONTHLY', trialOverrideConfiguration: { isTrial: true, trialEndDate: '2026-03-24T12:00:00.000Z' } },
    }
    const { body } = await hosted(provisionCustomer, { input })
    expect(body.data?.['provisionCustomer']).toEqual({
      customer: { id: 'customer-new', customerId: 'customer-new', name: 'New Co', email: 'a@new.example', billingId: 'cus_123' },
      subscriptionDecisionStrategy: 'REQUESTED_PLAN',
      subscription: { subscriptionId: 'subscription-customer-new', status: 'IN_TRIAL', trialEndDate: '2026-03-24T12:00:00.000Z', plan: { refId: 'plan-pro', displayName: 'Pro' } },
    })
    const again = await hosted(provisionCustomer, { input: { customerId: 'customer-new' } })
    expect(again.body.data?.['provisionCustomer'].subscriptionDecisionStrategy).toBe('SKIPPED_SUBSCRIPTION_CREATION')
    const generated = await hosted(provisionCustomer, { input: { name: 'No Id' } })
    expect(generated.body.data?.['provisionCustomer'].customer.customerId).toMatch(/^customer-/)
  })

  it('answers a field it does not model with an error naming it, never a silent null', async () => {
    const { status, body } = await hosted('{ getCustomerByRefId(input: { customerId: "customer-pro" }) { name statistics { __typename } } }')
    expect(status).toBe(200)
    expect(body.data?.['getCustomerByRefId']).toEqual({ name: 'Pro Industries', statistics: null })
    expect(body.errors).toEqual([expect.objectContaining({ path: ['getCustomerByRefId', 'statistics'], extensions: { code: 'NOT_EMULATED' } })])
    expect(body.errors?.[0]?.message).toMatch(/^Customer\.statistics is not emulated/)
  })

  it('answers resetPeriodConfiguration (a union) and entitlementsState, with numeric features carrying their value', async () => {
    const { body } = await hosted(`query($query: FetchEntitlementsQuery!) {
      entitlementsState(query: $query) {
        accessDeniedReason
        entitlements { feature { refId featureType meterType } usageLimit hasUnlimitedUsage resetPeriodConfiguration { __typename ... on MonthlyResetPeriodConfig { monthlyAccordingTo } } }
      }
    }`, { query: { customerId: 'customer-pro' } })
    const entitlements = body.data?.['entitlementsState'].entitlements as Array<Record<string, any>>
    expect(entitlements.find((e) => e['feature'].refId === 'feature-api-calls')?.['resetPeriodConfiguration']).toEqual({ __typename: 'MonthlyResetPeriodConfig', monthlyAccordingTo: 'SubscriptionStart' })
    expect(entitlements.find((e) => e['feature'].refId === 'feature-projects')).toMatchObject({ feature: { featureType: 'NUMBER', meterType: 'None' }, usageLimit: 20, hasUnlimitedUsage: false, resetPeriodConfiguration: null })
    const missing = await hosted('query($query: FetchEntitlementsQuery!) { entitlementsState(query: $query) { accessDeniedReason entitlements { isGranted } } }', { query: { customerId: 'customer-nobody' } })
    expect(missing.body.data?.['entitlementsState']).toEqual({ accessDeniedReason: 'CustomerNotFound', entitlements: [] })
  })

  it('keeps the schemas apart: seed names fail validation here, and the key is checked', async () => {
    const seedField = await hosted('{ customerEntitlement(customerId: "customer-free", featureId: "feature-sso") { isGranted } }')
    expect(seedField.status).toBe(400)
    expect(seedField.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED')
    const planName = await hosted('query { getActiveSubscriptions(input: { customerId: "customer-pro" }) { plan { name } } }')
    expect(planName.body.errors?.[0]?.message).toMatch(/Cannot query field "name" on type "Plan"/)
    const anonymous = await hosted('{ __typename }', {}, {})
    expect(anonymous.status).toBe(401)
  })
})
