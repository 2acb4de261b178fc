import type { FeatureId } from '../core/Register'
import type { FallbackEntitlement } from '../core/fallbackEntitlement'
import type { StiggError } from '../core/StiggError'
import type { Entitlement } from '../core/types'
import { summarizeEntitlements, useEntitlementQueries } from './useEntitlementQueries'

/** Options of {@link useEntitlements}; they apply to every feature. */
export interface UseEntitlementsOptions {
  /** @default 1 */
  requestedUsage?: number
  /**
   * For numeric features: also require the configured value to be at least this (10 seats);
   * unlimited always meets it. Not finite: the hook fails with `BAD_INPUT`.
   */
  minValue?: number
  /** @default true */
  enabled?: boolean
  /** Overrides the provider's `refetchOnWindowFocus` for this hook. */
  refetchOnWindowFocus?: boolean | 'always'
  /** Overrides the provider's `refetchInterval` for this hook (paused while the tab is hidden). */
  refetchInterval?: number | false
  /** Scope to this resource of the customer instead of the provider's `resourceId`; null: unscoped. */
  resourceId?: string | null
  /** Per-feature fallbacks; win over the provider's `fallbackEntitlements`. */
  fallback?: Readonly<Record<string, FallbackEntitlement>>
}

/** What {@link useEntitlements} returns. */
export interface UseEntitlementsResult {
  /** The features known so far (fetched, or from a fallback), by id. */
  entitlements: Record<string, Entitlement>
  /** True only when every requested feature is known and grants access. */
  hasAccess: boolean
  isLoading: boolean
  isError: boolean
  /** The first feature's error. */
  error: StiggError | null
  refetch: () => Promise<void>
}

/**
 * Several features at once, each in its own cache entry (one shared request when they
 * are missing).
 *
 * @example
 * const { entitlements, hasAccess } = useEntitlements(['feature-sso', 'feature-analytics'])
 */
export function useEntitlements(featureIds: readonly FeatureId[], options: UseEntitlementsOptions = {}): UseEntitlementsResult {
  const results = useEntitlementQueries('useEntitlements', featureIds, options, options.fallback)
  const { failed, ...summary } = summarizeEntitlements(featureIds, results)
  return {
    ...summary,
    hasAccess: results.length > 0 && results.every(({ entitlement }) => entitlement?.hasAccess === true),
  }
}
