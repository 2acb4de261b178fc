import { useEffect } from 'react'
import type { FeatureId } from '../../core/Register'
import type { AccessDeniedReason, Entitlement } from '../../core/types'
import type { StiggError } from '../../core/StiggError'
import { summarizeEntitlements, useEntitlementQueries } from '../../react/useEntitlementQueries'
import { useStiggContext } from '../../react/StiggContext'
import { decideGate, type FeatureGateMatch, type FeatureGateStatus } from './decideGate'
import { warnOnce } from '../../core/warnOnce'

/** What the gate checks: one feature or several (neither: the gate stays closed, with a warning). */
export type FeatureGateTarget =
  | { featureId: FeatureId; features?: undefined }
  | { featureId?: undefined; features: readonly FeatureId[] }
  | { featureId?: undefined; features?: undefined }

/** Options of {@link useFeatureGate}; the same as `<FeatureGate>`'s props minus the slots. */
export type UseFeatureGateOptions = FeatureGateTarget & {
  /**
   * With `features`: every feature must grant access (`all`) or at least one (`any`).
   * @default 'all'
   */
  match?: FeatureGateMatch
  /**
   * Usage about to be added, for limited features; 0 asks "is it in the plan at all".
   * @default 1
   */
  requestedUsage?: number
  /**
   * For numeric features: granted only when the configured value is at least this (a team of 10
   * needs `minValue={10}` seats) or unlimited. Not finite: the gate shows `error` (`BAD_INPUT`).
   */
  minValue?: number
  /** Scope to this resource of the customer instead of the provider's `resourceId`; null: unscoped. */
  resourceId?: string | null
}

/** A gate's answer, also handed to `<FeatureGate>`'s render functions. */
export interface FeatureGateState {
  status: FeatureGateStatus
  /** True only when `status` is `granted`. */
  hasAccess: boolean
  /** The entitlements known so far, by feature id. */
  entitlements: Record<string, Entitlement>
  /** Smallest `remaining` over the gate's limited features; null when none is limited. */
  remaining: number | null
  /** Why the gate is closed (Stigg's reason); null unless `denied`. */
  reason: AccessDeniedReason | null
  /** Some entitlement behind the answer came from `fallbackEntitlements`. */
  isFallback: boolean
  error: StiggError | null
  /** Asks Stigg again, e.g. from a retry button in the `error` slot. */
  refetch: () => void
}

export type UseFeatureGateResult = FeatureGateState

const noFeatures: readonly string[] = []

/** The misuses to warn about in development; production builds drop this function. */
function gateProblems({ featureId, features, match, ...rest }: UseFeatureGateOptions): string {
  const problems: string[] = []
  if (featureId !== undefined && features !== undefined) {
    problems.push(`<FeatureGate> got both \`featureId\` ("${featureId}") and \`features\`; it checks \`featureId\` only. Pass one of them.`)
  } else if (featureId === undefined && !features?.length) {
    problems.push(
      features
        ? '<FeatureGate> got an empty `features` list, so it stays closed. Pass at least one feature id.'
        : '<FeatureGate> got neither `featureId` nor `features`, so it stays closed. Pass one of them.',
    )
  }
  // Gone since plan gating moved out (it cost every feature gate the subscription read path).
  if ('plan' in rest) {
    problems.push('<FeatureGate> no longer takes `plan` and ignores it: it gates on entitlements only. Wrap it in <PlanGate plan={…}> instead.')
  }
  if (match !== undefined && match !== 'all' && match !== 'any') {
    problems.push(`<FeatureGate> got match="${String(match)}"; use "all" or "any". Using "all".`)
  }
  return problems.join('\n')
}

/**
 * The decision behind `<FeatureGate>`, for drawing a gate yourself.
 *
 * @example
 * const { status, remaining } = useFeatureGate({ featureId: 'feature-seats', requestedUsage: 1 })
 */
export function useFeatureGate(options: UseFeatureGateOptions): UseFeatureGateResult {
  // First, so a gate outside the provider names `useFeatureGate` in its error.
  useStiggContext('useFeatureGate')
  // `featureId` wins over `features`.
  const featureIds = options.featureId !== undefined ? [options.featureId] : (options.features ?? noFeatures)
  const match = options.match === 'any' ? 'any' : 'all'
  if (process.env.NODE_ENV !== 'production') {
    // The condition is fixed per build, so the hook order never changes between renders.
    const problems = gateProblems(options)
    // eslint-disable-next-line react-hooks/rules-of-hooks
    useEffect(() => {
      if (problems) problems.split('\n').forEach(warnOnce)
    }, [problems])
  }

  const features = summarizeEntitlements(featureIds, useEntitlementQueries('useFeatureGate', featureIds, options))
  const decision = decideGate({
    featureIds,
    match,
    entitlements: features.entitlements,
    entitlementsLoading: features.isLoading,
    entitlementsError: features.isError,
    failedFeatureIds: features.failed,
  })
  return {
    ...decision,
    entitlements: features.entitlements,
    error: features.error,
    refetch: () => void features.refetch(),
  }
}
