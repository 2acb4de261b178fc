import { useQueries } from '@tanstack/react-query'
import { useCallback } from 'react'
import { decideAccess } from '../core/decideAccess'
import { entitlementQueryOptions } from '../core/entitlementQueryOptions'
import { fallbackEntitlement, type FallbackEntitlement } from '../core/fallbackEntitlement'
import type { StiggError } from '../core/StiggError'
import type { Entitlement, EntitlementData } from '../core/types'
import { useStiggContext } from './StiggContext'
import { validRequestedUsage } from './validRequestedUsage'

/** Options of {@link useEntitlements}; they apply to every feature. */
export interface UseEntitlementsOptions {
  /** @default 1 */
  requestedUsage?: number
  /** @default true */
  enabled?: boolean
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
export function useEntitlements(featureIds: readonly string[], options: UseEntitlementsOptions = {}): UseEntitlementsResult {
  const ctx = useStiggContext('useEntitlements')
  const requestedUsage = validRequestedUsage('useEntitlements', featureIds.join(', '), options.requestedUsage)
  const select = useCallback((data: EntitlementData) => decideAccess(data, { requestedUsage }), [requestedUsage])
  const results = useQueries(
    {
      queries: featureIds.map((featureId) => {
        const base = entitlementQueryOptions(ctx, { customerId: ctx.customerId, featureId })
        return { ...base, enabled: base.enabled && options.enabled !== false, select }
      }),
    },
    ctx.queryClient,
  )
  const entitlements: Record<string, Entitlement> = {}
  let hasAccess = featureIds.length > 0
  featureIds.forEach((featureId, i) => {
    const query = results[i]
    const fallback = options.fallback?.[featureId] ?? ctx.fallbackEntitlements?.[featureId]
    const entitlement =
      fallback !== undefined && (ctx.offline || query?.isError === true)
        ? fallbackEntitlement(featureId, fallback, requestedUsage)
        : query?.data
    if (entitlement !== undefined) entitlements[featureId] = entitlement
    hasAccess &&= entitlement?.hasAccess === true
  })
  return {
    entitlements,
    hasAccess,
    isLoading: results.some((query) => query.isLoading),
    isError: results.some((query) => query.isError),
    error: (results.find((query) => query.error !== null)?.error ?? null) as StiggError | null,
    refetch: async () => {
      await Promise.all(results.map((query) => query.refetch()))
    },
  }
}
