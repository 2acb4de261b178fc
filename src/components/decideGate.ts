import type { AccessDeniedReason, Entitlement, Subscription } from '../core/types'

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

interface Verdict {
  status: FeatureGateStatus
  reason: AccessDeniedReason | null
}

const granted: Verdict = { status: 'granted', reason: null }

function featureVerdict(entitlement: Entitlement | undefined, loading: boolean, error: boolean): Verdict {
  if (!entitlement) {
    // Nothing known and nothing coming (signed out, disabled): closed, not pending.
    return { status: loading ? 'loading' : error ? 'error' : 'denied', reason: null }
  }
  if (entitlement.isFallback && error && !entitlement.hasAccess) {
    // A fallback may open a gate while Stigg is unreachable; it never turns an error into a firm "no".
    return { status: 'error', reason: null }
  }
  if (entitlement.hasAccess) return granted
  return { status: 'denied', reason: entitlement.accessDeniedReason ?? 'Unknown' }
}

function isActive(subscription: Subscription, now: Date): boolean {
  if (subscription.status === 'ACTIVE' || subscription.status === 'TRIAL') return true
  if (subscription.status === 'CANCELED') return !subscription.endDate || subscription.endDate > now
  return false
}

function planVerdict(input: GateInput): Verdict {
  const { plans, subscription } = input
  if (!plans) return granted
  if (!subscription) {
    if (input.subscriptionLoading) return { status: 'loading', reason: null }
    if (input.subscriptionError) return { status: 'error', reason: null }
    return { status: 'denied', reason: 'NoActiveSubscription' }
  }
  if (!isActive(subscription, input.now)) return { status: 'denied', reason: 'NoActiveSubscription' }
  return plans.includes(subscription.plan.id) ? granted : { status: 'denied', reason: PLAN_MISMATCH }
}

// An undecided part keeps the gate loading; an error only shows once nothing can still change the answer.
const precedence: Record<FeatureGateMatch, readonly FeatureGateStatus[]> = {
  all: ['denied', 'loading', 'error', 'granted'],
  any: ['granted', 'loading', 'error', 'denied'],
}

function combine(verdicts: readonly Verdict[], match: FeatureGateMatch): Verdict {
  for (const status of precedence[match]) {
    const hit = verdicts.find((verdict) => verdict.status === status)
    if (hit) return status === 'denied' ? { status, reason: hit.reason } : { status, reason: null }
  }
  // No verdicts at all: a gate on nothing stays closed.
  return { status: 'denied', reason: null }
}

/**
 * Decides a gate from what the hooks know so far. Pure: `useFeatureGate` feeds it hook results.
 *
 * @example
 * decideGate({ featureIds: ['feature-sso'], match: 'all', entitlements, plans: null, … }).status // 'granted'
 */
export function decideGate(input: GateInput): GateDecision {
  const wanted = input.featureIds.map((id) => input.entitlements[id])
  const features = wanted.map((entitlement) =>
    featureVerdict(entitlement, input.entitlementsLoading, input.entitlementsError),
  )
  const featurePart = features.length > 0 ? combine(features, input.match) : input.plans ? granted : null
  const parts = featurePart ? [featurePart, planVerdict(input)] : []
  const verdict = combine(parts, 'all')

  let remaining: number | null = null
  for (const entitlement of wanted) {
    if (entitlement?.remaining == null || !Number.isFinite(entitlement.remaining)) continue
    remaining = remaining === null ? entitlement.remaining : Math.min(remaining, entitlement.remaining)
  }

  return {
    status: verdict.status,
    hasAccess: verdict.status === 'granted',
    remaining,
    reason: verdict.reason,
    isFallback: wanted.some((entitlement) => entitlement?.isFallback === true),
  }
}
