// The default setup: no generated catalog file, so every id is a string and every entitlement
// the full `Entitlement`, exactly as before the generator existed. (The root tsconfig excludes
// demo/src/stigg.d.ts and test/types/typed, so their augmentation cannot leak in here.)
import {
  FeatureGate,
  PlanGate,
  UsageMeter,
  useEntitlement,
  useFeatureGate,
  usePlanGate,
  useReportUsage,
  type Entitlement,
  type EntitlementOf,
  type FeatureId,
  type MeteredFeatureId,
  type PlanId,
  type RegisteredCatalog,
} from 'react-stigg'
import type { StiggServer } from 'react-stigg/server'
import { describe, expectTypeOf, it } from 'vitest'

describe('without the generated catalog', () => {
  it('keeps every id a string', () => {
    expectTypeOf<RegisteredCatalog>().toBeNever()
    expectTypeOf<FeatureId>().toEqualTypeOf<string>()
    expectTypeOf<MeteredFeatureId>().toEqualTypeOf<string>()
    expectTypeOf<PlanId>().toEqualTypeOf<string>()
    expectTypeOf<EntitlementOf<'anything'>>().toEqualTypeOf<Entitlement>()
  })

  it('accepts any id and returns the full Entitlement', () => {
    const featureId: string = 'feature-from-config'
    expectTypeOf(useEntitlement('feature-anything').entitlement).toEqualTypeOf<Entitlement | null>()
    expectTypeOf(useEntitlement(featureId).entitlement).toEqualTypeOf<Entitlement | null>()
    expectTypeOf(useEntitlement('x').entitlement?.value).toEqualTypeOf<number | null | undefined>()
    expectTypeOf(useEntitlement('x').entitlement?.usageLimit).toEqualTypeOf<number | null | undefined>()
    useFeatureGate({ featureId })
    usePlanGate({ plan: 'plan-anything' })
    useReportUsage().mutate({ featureId: 'feature-anything', value: 1 })
    void (<FeatureGate featureId={featureId}>on</FeatureGate>)
    void (<PlanGate plan={['plan-a', 'plan-b']}>on</PlanGate>)
    void (<UsageMeter featureId="feature-anything" />)
    const stigg = {} as StiggServer
    void stigg.hasAccess(new Request('http://localhost/'), featureId)
  })
})
