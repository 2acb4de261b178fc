// The typed setup: demo/src/stigg.d.ts (generated from demo/catalog.json) registers the demo's
// catalog, so ids are checked and entitlement types follow each feature's kind.
// Checked by test/types/typedSetup.test.ts through test/types/typed/tsconfig.json.
import {
  FeatureGate,
  PlanGate,
  UsageMeter,
  useAwaitEntitlement,
  useEntitlement,
  useEntitlements,
  useFeatureGate,
  usePlanGate,
  useReportUsage,
  useUsageMeter,
  type BooleanEntitlement,
  type Entitlement,
  type FeatureId,
  type MeteredEntitlement,
  type MeteredFeatureId,
  type NumericEntitlement,
  type PlanId,
} from 'react-stigg'
import type { StiggServer } from 'react-stigg/server'
import { describe, expectTypeOf, it } from 'vitest'

describe('with the generated catalog', () => {
  it('narrows ids to the catalog', () => {
    expectTypeOf<FeatureId>().toEqualTypeOf<'feature-analytics' | 'feature-api-calls' | 'feature-projects' | 'feature-seats' | 'feature-sso'>()
    expectTypeOf<MeteredFeatureId>().toEqualTypeOf<'feature-api-calls' | 'feature-seats'>()
    expectTypeOf<PlanId>().toEqualTypeOf<'plan-enterprise' | 'plan-free' | 'plan-pro'>()
  })

  it('gives each feature the entitlement of its kind', () => {
    expectTypeOf(useEntitlement('feature-api-calls').entitlement).toEqualTypeOf<MeteredEntitlement | null>()
    expectTypeOf(useEntitlement('feature-sso').entitlement).toEqualTypeOf<BooleanEntitlement | null>()
    expectTypeOf(useEntitlement('feature-projects').entitlement).toEqualTypeOf<NumericEntitlement | null>()
    expectTypeOf<MeteredEntitlement>().toHaveProperty('usageLimit')
    expectTypeOf<MeteredEntitlement>().toHaveProperty('currentUsage')
    expectTypeOf<MeteredEntitlement>().toHaveProperty('resetPeriod')
    expectTypeOf<NumericEntitlement>().toHaveProperty('value')

    const sso = useEntitlement('feature-sso').entitlement
    // @ts-expect-error a boolean feature has no limit
    void sso?.usageLimit
    // @ts-expect-error a boolean feature has no usage
    void sso?.currentUsage
    // @ts-expect-error a boolean feature has no value
    void sso?.value
    // @ts-expect-error a metered feature has no configured value
    void useEntitlement('feature-api-calls').entitlement?.value
    // @ts-expect-error a numeric feature has no usage
    void useEntitlement('feature-projects').entitlement?.currentUsage

    // A union of ids gives the union of their kinds; the full type still reads every field.
    const id = 'feature-sso' as FeatureId
    expectTypeOf(useEntitlement(id).entitlement).toEqualTypeOf<BooleanEntitlement | MeteredEntitlement | NumericEntitlement | null>()
    expectTypeOf<MeteredEntitlement>().toMatchTypeOf<Pick<Entitlement, 'hasAccess' | 'usageLimit'>>()
  })

  it('refuses ids that are not in the catalog', () => {
    // @ts-expect-error a typo
    useEntitlement('feature-api-call')
    // @ts-expect-error not in the catalog
    useEntitlements(['feature-sso', 'feature-nope'])
    // @ts-expect-error not in the catalog
    useAwaitEntitlement('feature-nope')
    // @ts-expect-error not in the catalog
    useFeatureGate({ featureId: 'feature-nope' })
    // @ts-expect-error not a plan
    usePlanGate({ plan: 'plan-gold' })
    usePlanGate({ plan: ['plan-pro', 'plan-enterprise'] })
    useFeatureGate({ features: ['feature-sso', 'feature-analytics'] })
    // @ts-expect-error only metered (or numeric) features have a meter
    useUsageMeter('feature-sso')
    useUsageMeter('feature-projects', { usage: 3 })

    const report = useReportUsage()
    report.mutate({ featureId: 'feature-api-calls', value: 1 })
    // @ts-expect-error usage is reported for metered features only
    report.mutate({ featureId: 'feature-sso', value: 1 })
  })

  it('checks the components\' props', () => {
    void (<FeatureGate featureId="feature-sso">on</FeatureGate>)
    // @ts-expect-error not in the catalog
    void (<FeatureGate featureId="feature-ssso">on</FeatureGate>)
    // @ts-expect-error not a plan
    void (<PlanGate plan="plan-gold">on</PlanGate>)
    void (<PlanGate plan={['plan-pro', 'plan-enterprise']}>on</PlanGate>)
    void (<UsageMeter featureId="feature-api-calls" label="API calls" />)
    // @ts-expect-error a boolean feature has no meter
    void (<UsageMeter featureId="feature-analytics" label="Analytics" />)
  })

  it('checks the server helpers', () => {
    const stigg = {} as StiggServer
    const request = new Request('http://localhost/')
    void stigg.hasAccess(request, 'feature-sso')
    void stigg.getEntitlements(request, ['feature-api-calls', 'feature-seats'])
    // @ts-expect-error not in the catalog
    void stigg.hasAccess(request, 'feature-nope')
    // @ts-expect-error not in the catalog
    void stigg.getEntitlements(request, ['feature-nope'])
  })
})
