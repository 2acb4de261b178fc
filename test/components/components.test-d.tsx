import { expectTypeOf } from 'vitest'
import {
  FeatureGate,
  UsageMeter,
  useFeatureGate,
  useUsageMeter,
  type AccessDeniedReason,
  type Entitlement,
  type FeatureGateStatus,
  type StiggError,
  type UsageMeterState,
} from 'react-stigg'

const gate = useFeatureGate({ featureId: 'feature-sso' })
expectTypeOf(gate.status).toEqualTypeOf<FeatureGateStatus>()
expectTypeOf(gate.status).toEqualTypeOf<'loading' | 'granted' | 'denied' | 'error'>()
expectTypeOf(gate.hasAccess).toEqualTypeOf<boolean>()
expectTypeOf(gate.entitlements).toEqualTypeOf<Record<string, Entitlement>>()
expectTypeOf(gate.remaining).toEqualTypeOf<number | null>()
expectTypeOf(gate.reason).toEqualTypeOf<AccessDeniedReason | null>()
expectTypeOf(gate.error).toEqualTypeOf<StiggError | null>()
useFeatureGate({ features: ['a', 'b'], match: 'any', plan: ['plan-pro'], requestedUsage: 0 })
useFeatureGate({ plan: 'plan-pro' })
// @ts-expect-error featureId and features are exclusive
useFeatureGate({ featureId: 'a', features: ['b'] })
// @ts-expect-error match is 'all' | 'any'
useFeatureGate({ features: ['a'], match: 'some' })

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
  <UsageMeter key="2" featureId="a" label="A" className="x" style={{ width: 1 }} data-testid="m" />,
  // @ts-expect-error featureId is required
  <UsageMeter key="3" label="A" />,
  // @ts-expect-error children must be a render function
  <UsageMeter key="4" featureId="a"><span /></UsageMeter>,
  // @ts-expect-error the root is always a meter
  <UsageMeter key="5" featureId="a" role="progressbar" />,
]
