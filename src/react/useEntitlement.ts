import { useQuery, type QueryObserverResult } from '@tanstack/react-query'
import { useCallback } from 'react'
import { decideAccess } from '../core/decideAccess'
import { entitlementQueryOptions } from '../core/entitlementQueryOptions'
import { fallbackEntitlement, type FallbackEntitlement } from '../core/fallbackEntitlement'
import type { StiggError } from '../core/StiggError'
import type { Entitlement, EntitlementData } from '../core/types'
import { useStiggContext } from './StiggContext'
import { validRequestedUsage } from './validRequestedUsage'

/** Options of {@link useEntitlement}. */
export interface UseEntitlementOptions {
  /**
   * The usage about to be added; 0 asks "is the feature in the plan at all".
   * @default 1
   */
  requestedUsage?: number
  /** @default true */
  enabled?: boolean
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
  const ctx = useStiggContext('useEntitlement')
  const requestedUsage = validRequestedUsage('useEntitlement', featureId, options.requestedUsage)
  const select = useCallback((data: EntitlementData) => decideAccess(data, { requestedUsage }), [requestedUsage])
  const base = entitlementQueryOptions(ctx, { customerId: ctx.customerId, featureId })
  const query = useQuery<EntitlementData, StiggError, Entitlement, typeof base.queryKey>(
    { ...base, enabled: base.enabled && options.enabled !== false, select },
    ctx.queryClient,
  )
  const fallback = options.fallback ?? ctx.fallbackEntitlements?.[featureId]
  const useFallback = fallback !== undefined && (ctx.offline || query.isError)
  const entitlement = useFallback ? fallbackEntitlement(featureId, fallback, requestedUsage) : (query.data ?? null)
  return {
    entitlement,
    hasAccess: entitlement?.hasAccess ?? false,
    isLoading: query.isLoading,
    isError: query.isError,
    error: query.error,
    isFallback: useFallback,
    refetch: query.refetch,
  }
}
