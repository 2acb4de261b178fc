import { ClientError, GraphQLClient } from 'graphql-request'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator, type RunningEmulator } from 'react-stigg/emulator'
import {
  entitlementsDocument,
  provisionCustomerDocument,
  reportUsageDocument,
  subscriptionsDocument,
} from '../../src/core/documents'

// The three requests from shared/spec/stigg-api.openapi.yaml, verbatim.
const provisionExample = {
  query: `mutation ProvisionCustomer($input: ProvisionCustomerInput!) {
  provisionCustomer(input: $input) {
    customer { id name email }
    subscription { id status plan { id name } }
  }
}
`,
  variables: { input: { customerId: 'customer-123', name: 'Acme Corp', email: 'admin@acme.com' } },
}
const checkExample = {
  query: `query GetCustomerEntitlement($customerId: String!, $featureId: String!) {
  customerEntitlement(customerId: $customerId, featureId: $featureId) {
    isGranted
    usageLimit
    currentUsage
    resetPeriod
  }
}
`,
  variables: { customerId: 'customer-123', featureId: 'feature-api-calls' },
}
const reportExample = {
  query: `mutation ReportUsage($input: ReportUsageInput!) {
  reportUsage(input: $input) { id }
}
`,
  variables: { input: { customerId: 'customer-123', featureId: 'feature-api-calls', value: 100 } },
}

let running: RunningEmulator
beforeAll(async () => {
  running = await startEmulator({ apiKey: 'spec-key' })
})
afterAll(() => running.close())

async function post(body: unknown) {
  const response = await fetch(running.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': 'spec-key' },
    body: JSON.stringify(body),
  })
  return { status: response.status, json: (await response.json()) as { data?: any; errors?: any[] } }
}

describe('the seed contract examples', () => {
  it('answers the three examples in order over raw fetch', async () => {
    running.emulator.admin.reset()
    const provisioned = await post(provisionExample)
    expect(provisioned.status).toBe(200)
    expect(provisioned.json).toEqual({
      data: {
        provisionCustomer: {
          customer: { id: 'customer-123', name: 'Acme Corp', email: 'admin@acme.com' },
          subscription: { id: expect.any(String), status: 'ACTIVE', plan: { id: 'plan-free', name: 'Free' } },
        },
      },
    })

    const before = await post(checkExample)
    expect(before.json).toEqual({
      data: { customerEntitlement: { isGranted: true, usageLimit: 1000, currentUsage: 0, resetPeriod: 'MONTHLY' } },
    })

    const reported = await post(reportExample)
    expect(reported.status).toBe(200)
    expect(reported.json.errors).toBeUndefined()
    expect(reported.json.data.reportUsage.id).toEqual(expect.any(String))

    const after = await post(checkExample)
    expect(after.json.data.customerEntitlement.currentUsage).toBe(before.json.data.customerEntitlement.currentUsage + 100)
  })

  it('answers the three examples in order through graphql-request', async () => {
    running.emulator.admin.reset()
    const client = new GraphQLClient(running.url, { headers: { 'X-API-KEY': 'spec-key' } })
    const provisioned = await client.request<any>(provisionExample.query, provisionExample.variables)
    expect(provisioned.provisionCustomer.customer.id).toBe('customer-123')
    const before = await client.request<any>(checkExample.query, checkExample.variables)
    const reported = await client.request<any>(reportExample.query, reportExample.variables)
    expect(typeof reported.reportUsage.id).toBe('string')
    const after = await client.request<any>(checkExample.query, checkExample.variables)
    expect(after.customerEntitlement.currentUsage - before.customerEntitlement.currentUsage).toBe(100)
  })

  it('surfaces CustomerNotFound to graphql-request as a ClientError', async () => {
    const client = new GraphQLClient(running.url, { headers: { 'X-API-KEY': 'spec-key' } })
    const failure = await client
      .request(checkExample.query, { customerId: 'nobody', featureId: 'feature-api-calls' })
      .catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(ClientError)
    const { response } = failure as ClientError
    expect(response.status).toBe(200)
    expect(response.errors?.[0]).toMatchObject({
      message: 'Customer "nobody" not found',
      path: ['customerEntitlement'],
      locations: [{ line: 2, column: 3 }],
      extensions: { code: 'CustomerNotFound' },
    })
  })
})

describe('the documents the browser sends (src/core/documents.ts)', () => {
  it('answers entitlementsDocument(3), subscriptionsDocument, reportUsageDocument and provisionCustomerDocument', async () => {
    running.emulator.admin.reset()
    const batch = await post({
      query: entitlementsDocument(3),
      variables: { customerId: 'customer-pro', f0: 'feature-api-calls', f1: 'feature-analytics', f2: 'feature-sso' },
    })
    expect(batch.json.errors).toBeUndefined()
    expect(batch.json.data.e0).toEqual({
      featureId: 'feature-api-calls',
      isGranted: true,
      usageLimit: 10000,
      currentUsage: 9300,
      resetPeriod: 'MONTHLY',
      accessDeniedReason: null,
      usagePeriodEnd: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      value: null,
      feature: { id: 'feature-api-calls', displayName: 'API calls', featureType: 'METERED', units: 'API call', unitsPlural: 'API calls' },
    })
    expect(batch.json.data.e1).toMatchObject({ featureId: 'feature-analytics', isGranted: true, usageLimit: null, feature: { featureType: 'BOOLEAN' } })
    expect(batch.json.data.e2).toMatchObject({ featureId: 'feature-sso', isGranted: false, accessDeniedReason: 'NoFeatureEntitlementInSubscription' })

    const subscriptions = await post({ query: subscriptionsDocument, variables: { customerId: 'customer-trial' } })
    expect(subscriptions.json.data.customerSubscriptions).toEqual([
      {
        id: expect.any(String),
        status: 'TRIAL',
        startDate: expect.any(String),
        endDate: null,
        trialEndDate: expect.any(String),
        plan: { id: 'plan-pro', name: 'Pro', description: expect.any(String) },
      },
    ])

    const report = await post({
      query: reportUsageDocument,
      variables: { input: { customerId: 'customer-free', featureId: 'feature-api-calls', value: 5, idempotencyKey: 'doc-1' } },
    })
    expect(report.json.data.reportUsage).toEqual({
      id: expect.any(String),
      customerId: 'customer-free',
      featureId: 'feature-api-calls',
      currentUsage: 125,
      usagePeriodEnd: expect.any(String),
      timestamp: expect.any(String),
    })

    const provision = await post({
      query: provisionCustomerDocument,
      variables: { input: { customerId: 'customer-doc', name: 'Doc', subscriptionParams: { planId: 'plan-pro', status: 'TRIAL' } } },
    })
    expect(provision.json.data.provisionCustomer).toMatchObject({
      customer: { id: 'customer-doc', name: 'Doc', email: null },
      subscription: { status: 'TRIAL', plan: { id: 'plan-pro', name: 'Pro' } },
    })
  })

  it('nulls only the alias of an unknown feature in a batch; the others still answer', async () => {
    const batch = await post({
      query: entitlementsDocument(3),
      variables: { customerId: 'customer-free', f0: 'feature-seats', f1: 'feature-nope', f2: 'feature-api-calls' },
    })
    expect(batch.status).toBe(200)
    expect(batch.json.data.e0).toMatchObject({ featureId: 'feature-seats', isGranted: true, usageLimit: 3 })
    expect(batch.json.data.e1).toBeNull()
    expect(batch.json.data.e2).toMatchObject({ featureId: 'feature-api-calls', isGranted: true })
    expect(batch.json.errors).toHaveLength(1)
    expect(batch.json.errors?.[0]).toMatchObject({ path: ['e1'], extensions: { code: 'FeatureNotFound' } })
  })
})
