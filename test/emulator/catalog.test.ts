import { describe, expect, it } from 'vitest'
import { createEmulator, defaultCatalog, EmulatorCatalogError, validateCatalog } from 'react-stigg/emulator'

const valid = () => ({
  features: [
    { id: 'feature-x', displayName: 'X', type: 'metered', units: 'x', unitsPlural: 'xs', resetPeriod: 'DAILY' },
    { id: 'feature-flag', displayName: 'Flag', type: 'boolean' },
  ],
  plans: [
    { id: 'plan-a', name: 'A', limits: { 'feature-x': 10 } },
    { id: 'plan-b', name: 'B', description: 'More', limits: { 'feature-x': null, 'feature-flag': true } },
  ],
  defaultPlanId: 'plan-a',
})

describe('validateCatalog', () => {
  it('accepts the default catalog and a valid custom one unchanged', () => {
    expect(validateCatalog(defaultCatalog)).toEqual(defaultCatalog)
    expect(validateCatalog(valid())).toEqual(valid())
  })

  it.each([
    ['a plan limit on an unknown feature', (c: any) => (c.plans[1].limits['feature-y'] = 5), 'plans[1].limits.feature-y: unknown feature (known: feature-x, feature-flag)'],
    ['a negative limit', (c: any) => (c.plans[0].limits['feature-x'] = -1), 'plans[0].limits.feature-x: metered feature takes a number ≥ 0 or null (unlimited), got -1'],
    ['a number for a boolean feature', (c: any) => (c.plans[1].limits['feature-flag'] = 1), 'plans[1].limits.feature-flag: boolean feature takes true or false, got 1'],
    ['a bad feature type', (c: any) => (c.features[1].type = 'toggle'), 'features[1].type: must be "boolean", "metered" or "numeric", got "toggle"'],
    ['a bad reset period', (c: any) => (c.features[0].resetPeriod = 'MONTH'), 'features[0].resetPeriod: must be one of HOURLY, DAILY, WEEKLY, MONTHLY, YEARLY'],
    ['a reset period on a boolean feature', (c: any) => (c.features[1].resetPeriod = 'DAILY'), 'features[1].resetPeriod: a boolean feature has no usage to reset'],
    ['a duplicate feature id', (c: any) => (c.features[1].id = 'feature-x'), 'features[1].id: duplicate feature id "feature-x"'],
    ['a duplicate plan id', (c: any) => (c.plans[1].id = 'plan-a'), 'plans[1].id: duplicate plan id "plan-a"'],
    ['an unknown default plan', (c: any) => (c.defaultPlanId = 'plan-z'), 'defaultPlanId: unknown plan "plan-z" (known: plan-a, plan-b)'],
    ['a misspelt property', (c: any) => (c.plans[0].limit = {}), 'plans[0].limit: unknown property'],
    ['a plan without a name', (c: any) => delete c.plans[0].name, 'plans[0].name: must be a non-empty string'],
    ['no plans', (c: any) => (c.plans = []), 'plans: must be a non-empty array'],
  ])('rejects %s, naming the entry', (_name, mutate, message) => {
    const catalog = valid()
    mutate(catalog)
    let failure: unknown
    try {
      validateCatalog(catalog)
    } catch (error) {
      failure = error
    }
    expect(failure).toBeInstanceOf(EmulatorCatalogError)
    expect((failure as Error).message).toContain(`Invalid emulator catalog: ${message}`)
  })

  it('rejects something that is not an object', () => {
    expect(() => validateCatalog('plans')).toThrow('Invalid emulator catalog: catalog: must be an object')
  })

  it('makes createEmulator refuse an invalid catalog', () => {
    expect(() => createEmulator({ catalog: { ...valid(), defaultPlanId: 'nope' } as never })).toThrow(EmulatorCatalogError)
  })
})

describe('a custom catalog', () => {
  it('serves its plans and maps the demo customers onto them', async () => {
    const emulator = createEmulator({ apiKey: 'k', catalog: validateCatalog(valid()) })
    emulator.admin.addCustomer({ customerId: 'c1', usage: { 'feature-x': 10 } })
    const response = await emulator.fetch(
      new Request('http://emulator/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': 'k' },
        body: JSON.stringify({
          query: `{
            a: customerEntitlement(customerId: "c1", featureId: "feature-x") { isGranted usageLimit resetPeriod accessDeniedReason feature { units unitsPlural } }
            b: customerEntitlement(customerId: "customer-enterprise", featureId: "feature-flag") { isGranted }
            c: customerSubscriptions(customerId: "customer-pro") { plan { id name description } }
          }`,
        }),
      }),
    )
    expect(await response.json()).toEqual({
      data: {
        a: { isGranted: false, usageLimit: 10, resetPeriod: 'DAILY', accessDeniedReason: 'RequestedUsageExceedingLimit', feature: { units: 'x', unitsPlural: 'xs' } },
        b: { isGranted: true },
        c: [{ plan: { id: 'plan-b', name: 'B', description: 'More' } }],
      },
    })
  })
})
