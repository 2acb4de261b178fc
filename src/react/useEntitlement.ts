import type { QueryObserverResult } from '@tanstack/react-query'
import type { FallbackEntitlement } from '../core/fallbackEntitlement'
import type { StiggError } from '../core/StiggError'
import type { EntitlementOf, FeatureId } from '../core/Register'
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

/**
 * What {@link useEntitlement} returns. With react-stigg-codegen's file, `entitlement` has the
 * fields of the feature's kind (metered: usage and limit; numeric: `value`; boolean: neither).
 */
export interface UseEntitlementResult<Id extends string = string> {
  /** Null while loading, signed out, or failed without a fallback. */
  entitlement: EntitlementOf<Id> | null
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
export function useEntitlement<Id extends FeatureId>(featureId: Id, options: UseEntitlementOptions = {}): UseEntitlementResult<Id> {
  return useAnyEntitlement('useEntitlement', featureId, options) as UseEntitlementResult<Id>
}

/** @internal {@link useEntitlement} for any id with every field, for hooks built on it (`useUsageMeter`); `hook` names the caller. */
export function useAnyEntitlement(hook: string, featureId: string, options: UseEntitlementOptions): UseEntitlementResult {
  const [result] = useEntitlementQueries(hook, [featureId], options, { [featureId]: options.fallback })
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
