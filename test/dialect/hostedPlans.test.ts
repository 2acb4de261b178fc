import { createStiggProxy } from 'react-stigg/server'
import { describe, expect, it } from 'vitest'

// Hosted `paywall` → seed `plans` with values the emulator never produces: prices (flat and
// per unit), a base plan's inherited features overridden by the plan's own, internal ids.
interface Sent {
  query: string
  variables: Record<string, any>
}

function proxyAnswering(answer: unknown) {
  const sent: Sent[] = []
  const proxy = createStiggProxy({
    apiKey: 'key',
    upstreamUrl: 'https://api.stigg.test/graphql',
    dialect: 'stigg',
    identify: () => ({ customerId: 'customer-a' }),
    fetch: async (request) => {
      sent.push((await request.json()) as Sent)
      return Response.json(answer)
    },
  })
  const send = async (variables: Record<string, unknown>) => {
    const query =
      'query StiggPlans($customerId:String!){plans(customerId:$customerId){id name description prices{amount currency billingPeriod}features{featureId isUnlimited usageLimit value resetPeriod feature{id displayName featureType units unitsPlural}}}}'
    const response = await proxy(
      new Request('http://app.test/api/stigg', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) }),
    )
    return { status: response.status, body: (await response.json()) as { data?: any; errors?: any[] } }
  }
  return { send, sent }
}

const feature = (refId: string, featureType: string, meterType: string) => ({
  refId,
  displayName: refId.toUpperCase(),
  featureType,
  meterType,
  featureUnits: featureType === 'BOOLEAN' ? null : 'unit',
  featureUnitsPlural: featureType === 'BOOLEAN' ? null : 'units',
})

const paywall = {
  plans: [
    {
      refId: 'plan-basic',
      displayName: 'Basic',
      description: null,
      inheritedEntitlements: [],
      entitlements: [{ featureId: 'uuid-1', usageLimit: 100, hasUnlimitedUsage: false, resetPeriod: 'MONTH', feature: feature('calls', 'NUMBER', 'Incremental') }],
      prices: [
        { billingPeriod: 'MONTHLY', price: { amount: 10, currency: 'EUR' }, feature: null },
        { billingPeriod: 'ANNUALLY', price: { amount: 100, currency: 'EUR' }, feature: null },
        // A per-unit price is not the plan's price.
        { billingPeriod: 'MONTHLY', price: { amount: 2, currency: 'EUR' }, feature: { refId: 'seats' } },
      ],
    },
    {
      refId: 'plan-plus',
      displayName: 'Plus',
      description: 'More',
      inheritedEntitlements: [
        { featureId: 'uuid-1', usageLimit: 100, hasUnlimitedUsage: false, resetPeriod: 'MONTH', feature: feature('calls', 'NUMBER', 'Incremental') },
        { featureId: 'uuid-2', usageLimit: 3, hasUnlimitedUsage: false, resetPeriod: null, feature: feature('projects', 'NUMBER', 'None') },
      ],
      entitlements: [
        { featureId: 'uuid-1', usageLimit: null, hasUnlimitedUsage: true, resetPeriod: 'MONTH', feature: feature('calls', 'NUMBER', 'Incremental') },
        { featureId: 'uuid-3', usageLimit: null, hasUnlimitedUsage: null, resetPeriod: null, feature: feature('sso', 'BOOLEAN', 'None') },
      ],
      prices: [],
    },
  ],
}

describe("dialect 'stigg': plans from hosted Stigg's paywall", () => {
  it('asks paywall for the identified customer and maps plans, prices and features to the seed shape', async () => {
    const { send, sent } = proxyAnswering({ data: { h0: paywall } })
    const { status, body } = await send({ customerId: 'customer-a' })
    expect(status).toBe(200)
    expect(sent[0]?.query).toMatch(/h0: paywall\(input: \$v0\)/)
    expect(sent[0]?.variables).toEqual({ v0: { customerId: 'customer-a' } })
    expect(body.errors).toBeUndefined()
    const [basic, plus] = body.data.plans
    expect(basic).toEqual({
      id: 'plan-basic',
      name: 'Basic',
      description: null,
      prices: [
        { amount: 10, currency: 'EUR', billingPeriod: 'MONTHLY' },
        { amount: 100, currency: 'EUR', billingPeriod: 'ANNUALLY' },
      ],
      features: [
        {
          featureId: 'calls',
          isUnlimited: false,
          usageLimit: 100,
          value: null,
          resetPeriod: 'MONTHLY',
          feature: { id: 'calls', displayName: 'CALLS', featureType: 'METERED', units: 'unit', unitsPlural: 'units' },
        },
      ],
    })
    // Own entitlements override inherited ones; a NUMBER without a meter is a numeric value.
    expect(plus.features.map((f: any) => [f.featureId, f.feature.featureType, f.isUnlimited, f.usageLimit, f.value])).toEqual([
      ['calls', 'METERED', true, null, null],
      ['projects', 'NUMERIC', false, null, 3],
      ['sso', 'BOOLEAN', false, null, null],
    ])
  })

  it("refuses another customer's plans before anything is sent", async () => {
    const { send, sent } = proxyAnswering({ data: { h0: paywall } })
    expect((await send({ customerId: 'customer-b' })).status).toBe(403)
    expect(sent).toHaveLength(0)
  })

  it("passes a hosted error on as the field's error", async () => {
    const { send } = proxyAnswering({ errors: [{ message: 'Customer not found', path: ['h0'], extensions: { code: 'CustomerNotFound' } }], data: null })
    const { body } = await send({ customerId: 'customer-a' })
    expect(body.errors?.[0]).toMatchObject({ message: 'Customer not found', extensions: { code: 'CustomerNotFound' } })
  })
})
