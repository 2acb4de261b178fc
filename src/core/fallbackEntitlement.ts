import type { Entitlement } from './types'

/**
 * What the app knows without Stigg, for `fallbackEntitlements` and a hook's `fallback`:
 * at least the decision, optionally anything else to show.
 *
 * @example
 * const fallback: FallbackEntitlement = { hasAccess: true }
 */
export type FallbackEntitlement = Partial<Omit<Entitlement, 'isFallback' | 'featureId'>> & { hasAccess: boolean }

/** Completes a {@link FallbackEntitlement} into an {@link Entitlement} marked `isFallback: true`. */
export function fallbackEntitlement(featureId: string, fallback: FallbackEntitlement, requestedUsage = 1): Entitlement {
  const usageLimit = fallback.usageLimit ?? null
  const currentUsage = fallback.currentUsage ?? 0
  return {
    featureId,
    isGranted: fallback.hasAccess,
    isUnlimited: false,
    usageLimit,
    currentUsage,
    remaining: usageLimit === null ? null : Math.max(0, usageLimit - currentUsage),
    requestedUsage,
    resetPeriod: null,
    usagePeriodEnd: null,
    accessDeniedReason: fallback.hasAccess ? null : 'Unknown',
    feature: null,
    value: null,
    ...fallback,
    isFallback: true,
  }
}
