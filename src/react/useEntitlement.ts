import type { QueryObserverResult } from '@tanstack/react-query'
import type { FallbackEntitlement } from '../core/fallbackEntitlement'
import type { StiggError } from '../core/StiggError'
import type { Entitlement } from '../core/types'
import { useEntitlementQueries, type EntitlementQuery } from './useEntitlementQueries'

/** Options of {@link useEntitlement}. */
export interface UseEntitlementOptions {
  /**
   * The usage about to be added; 0 asks "is the feature in the plan at all".
   * @default 1
   */
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
  /** Used when the query fails and when offline; wins over the provider's `fallbackEntitlements`. */
  fallback?: FallbackEntitlement
}

/** What {@link useEntitlement} returns. */
export interface UseEntitlementResult {
  /** Null while loading, signed out, or failed without a fallback. */
  entitlement: Entitlement | null
  /** False until known. */
  hasAccess: boolean
  isLoading: boolean
  /** Still true when a fallback is shown, so the UI can tell. */
  isError: boolean
  error: StiggError | null
  isFallback: boolean
  refetch: () => Promise<QueryObserverResult<Entitlement, StiggError>>
}

/**
 * The customer's access to one feature.
 *
 * @example
 * const { hasAccess, isLoading } = useEntitlement('feature-sso')
 * if (isLoading) return <Spinner />
 * return hasAccess ? <SsoSettings /> : <UpgradeBanner />
 */
export function useEntitlement(featureId: string, options: UseEntitlementOptions = {}): UseEntitlementResult {
  const [result] = useEntitlementQueries('useEntitlement', [featureId], options, { [featureId]: options.fallback })
  const { query, entitlement = null } = result as EntitlementQuery
  return {
    entitlement,
    hasAccess: entitlement?.hasAccess ?? false,
    isLoading: query.isLoading,
    isError: query.isError,
    error: query.error,
    isFallback: entitlement?.isFallback ?? false,
    refetch: query.refetch,
  }
}
