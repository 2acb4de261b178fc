import type { AccessDeniedReason, Entitlement } from '../../core/types'

/** Where a gate stands: `loading` until the answer is known, `error` when it cannot be known. */
export type FeatureGateStatus = 'loading' | 'granted' | 'denied' | 'error'

/** How several features combine: every one must grant (`all`) or at least one (`any`). */
export type FeatureGateMatch = 'all' | 'any'

export interface GateInput {
  /** Empty: the gate stays closed. */
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
}

export interface GateDecision {
  status: FeatureGateStatus
  hasAccess: boolean
  /** Smallest `remaining` over the gate's limited features; null when none is limited. */
  remaining: number | null
  /** Why the gate is closed: the first denied feature's reason. Null unless denied. */
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
 * decideGate({ featureIds: ['feature-sso'], match: 'all', entitlements, … }).status // 'granted'
 */
export function decideGate(input: GateInput): GateDecision {
  const { featureIds, entitlements, failedFeatureIds = [] } = input
  const features = featureIds.map((id) =>
    featureVerdict(entitlements[id], input.entitlementsLoading, input.entitlementsError, failedFeatureIds.includes(id)),
  )
  const [status, reason] = combine(features, input.match)

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
