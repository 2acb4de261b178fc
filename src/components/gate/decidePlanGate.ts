import { subscriptionGrants } from '../../core/subscriptionGrants'
import type { AccessDeniedReason, Subscription } from '../../core/types'
import type { FeatureGateStatus } from './decideGate'

/**
 * Reason given when `<PlanGate>`'s `plan` does not include the customer's current plan. Stigg
 * has no name for this (it gates on features, not plans), so the gate adds its own.
 */
export const PLAN_MISMATCH = 'PlanMismatch'

export interface PlanGateInput {
  /** Plan ids allowed. */
  plans: readonly string[]
  /** The customer's current subscription (`useSubscription`), null when none is known. */
  subscription: Subscription | null
  loading: boolean
  error: boolean
  /** Nothing will be fetched: signed out, or `enabled: false`. */
  idle: boolean
  now: Date
}

export interface PlanGateDecision {
  status: FeatureGateStatus
  hasAccess: boolean
  /** `NoActiveSubscription` or {@link PLAN_MISMATCH}; null unless denied, and when nothing is known or coming. */
  reason: AccessDeniedReason | null
}

function verdict({ plans, subscription, loading, error, idle, now }: PlanGateInput): [FeatureGateStatus, AccessDeniedReason | null] {
  // A subscription kept from before a failed refetch may be a canceled plan: fail closed instead.
  if (error) return ['error', null]
  if (!subscription) {
    if (loading) return ['loading', null]
    // Nothing known and nothing coming (signed out, idle): closed, not pending, as <FeatureGate> does.
    return ['denied', idle ? null : 'NoActiveSubscription']
  }
  // A paused or ended subscription keeps its plan id, but grants nothing.
  if (!subscriptionGrants(subscription, now)) return ['denied', 'NoActiveSubscription']
  return plans.includes(subscription.plan.id) ? ['granted', null] : ['denied', PLAN_MISMATCH]
}

/**
 * Decides a plan gate from what `useSubscription` knows so far. Pure: `usePlanGate` feeds it.
 *
 * @example
 * decidePlanGate({ plans: ['plan-pro'], subscription, loading: false, error: false, idle: false, now }).status // 'granted'
 */
export function decidePlanGate(input: PlanGateInput): PlanGateDecision {
  const [status, reason] = verdict(input)
  return { status, hasAccess: status === 'granted', reason }
}
