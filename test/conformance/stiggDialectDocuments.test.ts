import { buildSchema, getOperationAST, getVariableValues, parse, validate } from 'graphql'
import { createEmulator, type Emulator } from 'react-stigg/emulator'
import { createStiggProxy } from 'react-stigg/server'
import { beforeEach, describe, expect, it } from 'vitest'
import { hostedSdl } from '../../src/emulator/schema/hosted/hostedSdl'

// The generated hosted schema (from Stigg's published clients) is the judge of what the 'stigg'
// dialect sends upstream: a field or input hosted Stigg lacks fails here, not in production.
const hostedSchema = buildSchema(hostedSdl)

// The browser's documents (src/core/documents.ts), as the client sends them.
const fields = 'fragment StiggEntitlementFields on Entitlement{featureId isGranted usageLimit currentUsage resetPeriod accessDeniedReason usagePeriodEnd value feature{id displayName featureType units unitsPlural}}'
const batch = (ids: string[]) =>
  `query StiggEntitlements($customerId:String!${ids.map((_, i) => `,$f${i}:String!`).join('')}){\n${ids.map((_, i) => `  e${i}:customerEntitlement(customerId:$customerId,featureId:$f${i}){...StiggEntitlementFields}\n`).join('')}}${fields}`
const subscriptions = 'query StiggSubscriptions($customerId:String!){customerSubscriptions(customerId:$customerId){id status startDate endDate trialEndDate plan{id name description}}}'
const reportUsage = 'mutation StiggReportUsage($input:ReportUsageInput!){reportUsage(input:$input){id customerId featureId currentUsage usagePeriodEnd timestamp}}'
const provision = 'mutation StiggProvisionCustomer($input:ProvisionCustomerInput!){provisionCustomer(input:$input){customer{id name email createdAt updatedAt}subscription{id status startDate endDate trialEndDate plan{id name description}}}}'

let emulator: Emulator

const proxy = () =>
  createStiggProxy({
    apiKey: emulator.apiKey,
    upstreamUrl: 'http://emulator.test/hosted/graphql',
    dialect: 'stigg',
    fetch: emulator.fetch,
    identify: (request) => ({ customerId: request.headers.get('x-customer') ?? 'customer-pro' }),
    allow: { reportUsage: { maxValue: 50 }, provisionCustomer: { plans: ['plan-pro'], trial: true } },
  })

async function send(query: string, variables: Record<string, unknown>, customer = 'customer-pro') {
  const response = await proxy()(
    new Request('http://app.test/api/stigg', { method: 'POST', headers: { 'content-type': 'application/json', 'x-customer': customer }, body: JSON.stringify({ query, variables }) }),
  )
  return { status: response.status, body: (await response.json()) as { data?: Record<string, any>; errors?: unknown[] } }
}

beforeEach(() => {
  emulator = createEmulator({ apiKey: 'upstream-key' })
})

describe("every document dialect 'stigg' sends validates against the generated hosted schema", () => {
  it('entitlement batches, subscriptions, usage reports and provisioning, variables included', async () => {
    const ids = ['feature-api-calls', 'feature-seats', 'feature-sso', 'feature-analytics', 'feature-projects']
    for (const count of [1, 2, 5]) {
      expect((await send(batch(ids.slice(0, count)), { customerId: 'customer-pro', ...Object.fromEntries(ids.slice(0, count).map((id, i) => [`f${i}`, id])) })).status).toBe(200)
    }
    expect((await send(subscriptions, { customerId: 'customer-pro' })).status).toBe(200)
    expect((await send(reportUsage, { input: { customerId: 'customer-pro', featureId: 'feature-api-calls', value: 3, idempotencyKey: 'report-123456789' } })).status).toBe(200)
    for (const subscriptionParams of [undefined, { planId: 'plan-pro', status: 'ACTIVE' }, { planId: 'plan-pro', status: 'TRIAL', trialEndDate: new Date(Date.now() + 30 * 86_400_000).toISOString() }]) {
      const customerId = `customer-${Math.random().toString(36).slice(2)}`
      const input = subscriptionParams ? { customerId, name: 'N', email: 'n@example.com', subscriptionParams } : { customerId }
      expect((await send(provision, { input }, customerId)).status).toBe(200)
    }

    const upstream = emulator.requests.filter((request) => request.path === '/hosted/graphql')
    expect(upstream).toHaveLength(8)
    for (const request of upstream) {
      const document = parse(request.query!)
      expect(validate(hostedSchema, document), request.query!).toEqual([])
      const operation = getOperationAST(document)!
      const coerced = getVariableValues(hostedSchema, operation.variableDefinitions ?? [], (request.variables ?? {}) as Record<string, unknown>)
      expect(coerced.errors ?? [], JSON.stringify(request.variables)).toEqual([])
    }
  })

  it('hands numeric features to the browser as NUMERIC with their configured value, like the seed route', async () => {
    const variables = { customerId: 'customer-pro', f0: 'feature-projects' }
    const viaStigg = await send(batch(['feature-projects']), variables)
    expect(viaStigg.body.data?.['e0']).toMatchObject({ isGranted: true, usageLimit: null, value: 20, feature: { featureType: 'NUMERIC' } })
    const seed = await emulator.fetch(
      new Request('http://emulator.test/graphql', { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': emulator.apiKey }, body: JSON.stringify({ query: batch(['feature-projects']), variables }) }),
    )
    const viaSeed = (await seed.json()) as { data: Record<string, unknown> }
    expect(viaStigg.body.data?.['e0']).toEqual(viaSeed.data['e0'])
  })
})
