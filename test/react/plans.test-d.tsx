import { expectTypeOf } from 'vitest'
import {
  Paywall,
  useAwaitEntitlement,
  usePaywall,
  usePlans,
  useStigg,
  waitForEntitlement,
  type AwaitEntitlementStatus,
  type Entitlement,
  type PaywallPlan,
  type PaywallPlanState,
  type PaywallState,
  type PlanPrice,
  type ResetPeriod,
  type StiggError,
} from 'react-stigg'

export function TypeChecks() {
  const { plans, currentPlan, error } = usePlans()
  expectTypeOf(plans).toEqualTypeOf<PaywallPlan[]>()
  expectTypeOf(currentPlan).toEqualTypeOf<PaywallPlan | null>()
  expectTypeOf(error).toEqualTypeOf<StiggError | null>()
  expectTypeOf<PaywallPlan['state']>().toEqualTypeOf<PaywallPlanState>()
  expectTypeOf<PaywallPlanState>().toEqualTypeOf<'current' | 'upgrade' | 'downgrade'>()
  expectTypeOf<PaywallPlan['price']>().toEqualTypeOf<PlanPrice | null>()
  expectTypeOf<PaywallPlan['features'][number]['resetPeriod']>().toEqualTypeOf<ResetPeriod | null>()

  const wait = useAwaitEntitlement('feature-analytics', { enabled: true, timeoutMs: 30_000 })
  expectTypeOf(wait.status).toEqualTypeOf<AwaitEntitlementStatus>()
  expectTypeOf<AwaitEntitlementStatus>().toEqualTypeOf<'idle' | 'waiting' | 'granted' | 'error'>()
  expectTypeOf(wait.entitlement).toEqualTypeOf<Entitlement | null>()
  // @ts-expect-error timeoutMs is a number of ms, not a string
  useAwaitEntitlement('feature-analytics', { timeoutMs: '30s' })

  const paywall = usePaywall({ onSelect: (plan) => expectTypeOf(plan).toEqualTypeOf<PaywallPlan>() })
  expectTypeOf(paywall.state).toEqualTypeOf<PaywallState>()
  // @ts-expect-error select takes a plan or a plan id
  paywall.select(3)

  const stigg = useStigg()
  expectTypeOf(waitForEntitlement(stigg, 'feature-sso')).toEqualTypeOf<Promise<Entitlement>>()
  // @ts-expect-error the target comes first: whom to wait for
  void waitForEntitlement('feature-sso', { timeoutMs: 1000 })

  return (
    <>
      <Paywall onSelect={(plan) => plan.id} headingLevel={2} renderPlan={(plan) => plan.name} />
      {/* @ts-expect-error headings go from h2 to h6 */}
      <Paywall headingLevel={1} />
    </>
  )
}
