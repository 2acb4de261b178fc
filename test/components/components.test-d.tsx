import { expectTypeOf } from 'vitest'
import {
  FeatureGate,
  PlanGate,
  UsageMeter,
  useFeatureGate,
  usePlanGate,
  useUsageMeter,
  type AccessDeniedReason,
  type Entitlement,
  type FeatureGateStatus,
  type Plan,
  type PlanGateProps,
  type StiggError,
  type Subscription,
  type UsageMeterState,
  type UsePlanGateOptions,
  type UsePlanGateResult,
} from 'react-stigg'

const gate = useFeatureGate({ featureId: 'feature-sso' })
expectTypeOf(gate.status).toEqualTypeOf<FeatureGateStatus>()
expectTypeOf(gate.status).toEqualTypeOf<'loading' | 'granted' | 'denied' | 'error'>()
expectTypeOf(gate.hasAccess).toEqualTypeOf<boolean>()
expectTypeOf(gate.entitlements).toEqualTypeOf<Record<string, Entitlement>>()
expectTypeOf(gate.remaining).toEqualTypeOf<number | null>()
expectTypeOf(gate.reason).toEqualTypeOf<AccessDeniedReason | null>()
expectTypeOf(gate.error).toEqualTypeOf<StiggError | null>()
useFeatureGate({ features: ['a', 'b'], match: 'any', requestedUsage: 0 })
// @ts-expect-error plan gating is <PlanGate>'s job
useFeatureGate({ features: ['a', 'b'], plan: ['plan-pro'] })
// @ts-expect-error plan gating is <PlanGate>'s job
useFeatureGate({ plan: 'plan-pro' })
// @ts-expect-error featureId and features are exclusive
useFeatureGate({ featureId: 'a', features: ['b'] })
// @ts-expect-error match is 'all' | 'any'
useFeatureGate({ features: ['a'], match: 'some' })

const planGate = usePlanGate({ plan: ['plan-pro', 'plan-enterprise'] })
expectTypeOf(planGate).toEqualTypeOf<UsePlanGateResult>()
expectTypeOf(planGate.status).toEqualTypeOf<FeatureGateStatus>()
expectTypeOf(planGate.hasAccess).toEqualTypeOf<boolean>()
expectTypeOf(planGate.reason).toEqualTypeOf<AccessDeniedReason | null>()
expectTypeOf(planGate.plan).toEqualTypeOf<Plan | null>()
expectTypeOf(planGate.subscription).toEqualTypeOf<Subscription | null>()
expectTypeOf(planGate.error).toEqualTypeOf<StiggError | null>()
expectTypeOf(planGate.refetch).toEqualTypeOf<() => void>()
usePlanGate({ plan: 'plan-pro', enabled: false })
expectTypeOf<UsePlanGateOptions>().toMatchTypeOf<Pick<PlanGateProps, 'plan' | 'enabled'>>()
// @ts-expect-error plan is required
usePlanGate({})
// @ts-expect-error a plan gate checks plans, not features
usePlanGate({ plan: 'plan-pro', featureId: 'a' })

const meter = useUsageMeter('feature-api-calls', { label: 'API calls', warnAt: 0.9 })
expectTypeOf(meter.state).toEqualTypeOf<UsageMeterState>()
expectTypeOf(meter.percentage).toEqualTypeOf<number | null>()
expectTypeOf(meter.current).toEqualTypeOf<number | null>()
expectTypeOf(meter.limit).toEqualTypeOf<number | null>()
expectTypeOf(meter.valueText).toEqualTypeOf<string>()
expectTypeOf(meter.resetsAt).toEqualTypeOf<Date | null>()
expectTypeOf(meter.meterProps.role).toEqualTypeOf<'meter'>()
expectTypeOf(meter.labelProps).toEqualTypeOf<{ id: string }>()

export const elements = [
  <FeatureGate key="1" featureId="a" fallback={({ reason }) => reason} error={({ refetch }) => <button onClick={refetch} />}>
    {({ remaining }) => remaining}
  </FeatureGate>,
  // @ts-expect-error FeatureGate no longer takes plan: wrap it in <PlanGate>
  <FeatureGate key="6" featureId="a" plan="plan-pro" />,
  <PlanGate key="7" plan="plan-pro" fallback={({ reason, plan }) => `${reason} ${plan?.name}`} error={({ refetch }) => <button onClick={refetch} />}>
    {({ hasAccess }) => String(hasAccess)}
  </PlanGate>,
  <PlanGate key="8" plan={['plan-pro', 'plan-enterprise']} loading="…">
    <FeatureGate featureId="a">on</FeatureGate>
  </PlanGate>,
  // @ts-expect-error plan is required
  <PlanGate key="9">on</PlanGate>,
  // @ts-expect-error loading is content, not a render function
  <PlanGate key="10" plan="p" loading={() => null} />,
  <UsageMeter key="2" featureId="a" label="A" className="x" style={{ width: 1 }} data-testid="m" />,
  // @ts-expect-error featureId is required
  <UsageMeter key="3" label="A" />,
  // @ts-expect-error children must be a render function
  <UsageMeter key="4" featureId="a"><span /></UsageMeter>,
  // @ts-expect-error the root is always a meter
  <UsageMeter key="5" featureId="a" role="progressbar" />,
]
