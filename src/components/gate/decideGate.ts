import { subscriptionGrants } from '../../core/subscriptionGrants'
import type { AccessDeniedReason, Entitlement, Subscription } from '../../core/types'

/** Where a gate stands: `loading` until the answer is known, `error` when it cannot be known. */
export type FeatureGateStatus = 'loading' | 'granted' | 'denied' | 'error'

/** How several features combine: every one must grant (`all`) or at least one (`any`). */
export type FeatureGateMatch = 'all' | 'any'

/**
 * Reason given when the gate's `plan` does not include the customer's current plan. Stigg has
 * no name for this (it gates on features, not plans), so the gate adds its own.
 */
export const PLAN_MISMATCH = 'PlanMismatch'

export interface GateInput {
  /** Empty for a gate on `plan` alone. */
  featureIds: readonly string[]
  match: FeatureGateMatch
  /** Entitlements known so far; a missing id has not arrived (yet). */
  entitlements: Readonly<Record<string, Entitlement | undefined>>
  entitlementsLoading: boolean
  entitlementsError: boolean
  /**
   * Features whose last fetch failed. Their cached answer is stale and no longer counts: the
   * gate follows its error policy (a fallback entitlement may still open it).
   */
  failedFeatureIds?: readonly string[]
  /** Plan ids allowed; null when the gate does not look at the plan. */
  plans: readonly string[] | null
  subscription: Subscription | null
  subscriptionLoading: boolean
  subscriptionError: boolean
  now: Date
}

export interface GateDecision {
  status: FeatureGateStatus
  hasAccess: boolean
  /** Smallest `remaining` over the gate's limited features; null when none is limited. */
  remaining: number | null
  /** Why the gate is closed: the first denied feature's reason, then the plan's. Null unless denied. */
  reason: AccessDeniedReason | null
  /** Some entitlement behind the decision came from `fallbackEntitlements`. */
  isFallback: boolean
}

/** One part's answer: a status, and Stigg's reason when it is `denied`. */
type Verdict = readonly [FeatureGateStatus, AccessDeniedReason | null]

const granted: Verdict = ['granted', null]
const denied: Verdict = ['denied', null]

function featureVerdict(entitlement: Entitlement | undefined, loading: boolean, error: boolean, failed: boolean): Verdict {
  // Nothing known and nothing coming (signed out, disabled): closed, not pending.
  if (!entitlement) return loading ? ['loading', null] : error ? ['error', null] : denied
  // A stale answer from before a failed refetch may be a revoked grant: fail closed instead. A
  // fallback may open a gate while Stigg is unreachable; it never turns an error into a firm "no".
  if (entitlement.isFallback ? error && !entitlement.hasAccess : failed) return ['error', null]
  return entitlement.hasAccess ? granted : ['denied', entitlement.accessDeniedReason ?? 'Unknown']
}

function planVerdict({ plans, subscription, subscriptionLoading, subscriptionError, now }: GateInput): Verdict {
  if (!plans) return granted
  // As for features: a subscription kept from before a failed refetch no longer counts.
  if (subscriptionError) return ['error', null]
  if (!subscription) return subscriptionLoading ? ['loading', null] : ['denied', 'NoActiveSubscription']
  if (!subscriptionGrants(subscription, now)) return ['denied', 'NoActiveSubscription']
  return plans.includes(subscription.plan.id) ? granted : ['denied', PLAN_MISMATCH]
}

// An undecided part keeps the gate loading; an error only shows once nothing can still change the answer.
const precedence: Record<FeatureGateMatch, readonly FeatureGateStatus[]> = {
  all: ['denied', 'loading', 'error', 'granted'],
  any: ['granted', 'loading', 'error', 'denied'],
}

function combine(verdicts: readonly Verdict[], match: FeatureGateMatch): Verdict {
  for (const status of precedence[match]) {
    const hit = verdicts.find((verdict) => verdict[0] === status)
    if (hit) return hit
  }
  // No verdicts at all: a gate on nothing stays closed.
  return denied
}

/**
 * Decides a gate from what the hooks know so far. Pure: `useFeatureGate` feeds it hook results.
 *
 * @example
 * decideGate({ featureIds: ['feature-sso'], match: 'all', entitlements, plans: null, … }).status // 'granted'
 */
export function decideGate(input: GateInput): GateDecision {
  const { featureIds, entitlements, failedFeatureIds = [] } = input
  const features = featureIds.map((id) =>
    featureVerdict(entitlements[id], input.entitlementsLoading, input.entitlementsError, failedFeatureIds.includes(id)),
  )
  const featurePart = features.length > 0 ? combine(features, input.match) : input.plans ? granted : null
  const [status, reason] = featurePart ? combine([featurePart, planVerdict(input)], 'all') : denied

  let remaining: number | null = null
  for (const id of featureIds) {
    const value = entitlements[id]?.remaining
    if (value != null && Number.isFinite(value)) remaining = Math.min(remaining ?? Infinity, value)
  }

  return {
    status,
    hasAccess: status === 'granted',
    remaining,
    reason,
    isFallback: featureIds.some((id) => entitlements[id]?.isFallback === true),
  }
}
