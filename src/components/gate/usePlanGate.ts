import type { Plan, Subscription } from '../../core/types'
import type { PlanId } from '../../core/Register'
import { useStiggContext } from '../../react/StiggContext'
import { useSubscription } from '../../react/useSubscription'
import { decidePlanGate, type PlanGateDecision } from './decidePlanGate'
import type { FeatureGateState } from './useFeatureGate'

/** Options of {@link usePlanGate}; the same as `<PlanGate>`'s props minus the slots. */
export interface UsePlanGateOptions {
  /** The plan id, or ids, whose customers pass: the current subscription must be on one of them. */
  plan: PlanId | readonly PlanId[]
  /**
   * Set false to keep the subscription query idle; the gate then answers from the cache only.
   * @default true
   */
  enabled?: boolean
}

/** A plan gate's answer, also handed to `<PlanGate>`'s render functions. */
export interface UsePlanGateResult extends PlanGateDecision, Pick<FeatureGateState, 'error' | 'refetch'> {
  /** The customer's current plan, whether or not it passes; null when none is known. */
  plan: Plan | null
  subscription: Subscription | null
}

/**
 * The decision behind `<PlanGate>`, for drawing a plan gate yourself. It reads the customer's
 * subscription (one request, shared with `useSubscription`); feature gates never do.
 *
 * @example
 * const { hasAccess, plan } = usePlanGate({ plan: ['plan-pro', 'plan-enterprise'] })
 */
export function usePlanGate({ plan, enabled = true }: UsePlanGateOptions): UsePlanGateResult {
  // First, so a gate outside the provider names `usePlanGate` in its error.
  const { customerId } = useStiggContext('usePlanGate')
  const subscription = useSubscription({ enabled })
  const decision = decidePlanGate({
    plans: [plan].flat(),
    subscription: subscription.subscription,
    loading: subscription.isLoading,
    error: subscription.isError,
    idle: customerId === null || !enabled,
    now: new Date(),
  })
  return {
    ...decision,
    plan: subscription.plan,
    subscription: subscription.subscription,
    error: subscription.error,
    refetch: () => void subscription.refetch(),
  }
}
