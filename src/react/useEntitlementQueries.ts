import { useQueries, type QueryObserverResult } from '@tanstack/react-query'
import { useCallback } from 'react'
import { decideAccess } from '../core/decideAccess'
import { entitlementQueryOptions } from '../core/entitlementQueryOptions'
import { fallbackEntitlement, type FallbackEntitlement } from '../core/fallbackEntitlement'
import type { StiggError } from '../core/StiggError'
import type { Entitlement, EntitlementData } from '../core/types'
import { useStiggContext } from './StiggContext'
import { validRequestedUsage } from './validRequestedUsage'

/** One feature's query next to what the hooks show for it: fetched data, or a fallback once the query failed. */
export interface EntitlementQuery {
  query: QueryObserverResult<Entitlement, StiggError>
  entitlement: Entitlement | undefined
}

/**
 * The engine of `useEntitlement` and `useEntitlements`: one cache entry per feature (batched
 * into one request when missing), decided with `requestedUsage`, and the fallback (the hook's,
 * else the provider's) standing in when offline or when the query failed.
 */
export function useEntitlementQueries(
  hook: string,
  featureIds: readonly string[],
  options: {
    requestedUsage?: number
    minValue?: number
    enabled?: boolean
    refetchOnWindowFocus?: boolean | 'always'
    refetchInterval?: number | false
    resourceId?: string | null
  },
  fallbacks?: Readonly<Record<string, FallbackEntitlement | undefined>>,
): EntitlementQuery[] {
  const ctx = useStiggContext(hook)
  const requestedUsage = validRequestedUsage(hook, featureIds, options.requestedUsage)
  const { minValue } = options
  // A bad minValue throws StiggError BAD_INPUT from here: the hook's error, the gate's `error` state.
  const select = useCallback((data: EntitlementData) => decideAccess(data, { requestedUsage, minValue }), [requestedUsage, minValue])
  const queries = useQueries(
    {
      queries: featureIds.map((featureId) => {
        // An explicit null asks for the unscoped answer under a provider with a resourceId.
        const resourceId = options.resourceId === undefined ? ctx.resourceId : options.resourceId
        const base = entitlementQueryOptions(ctx, { customerId: ctx.customerId, featureId, resourceId })
        const { refetchOnWindowFocus = base.refetchOnWindowFocus, refetchInterval = base.refetchInterval } = options
        return { ...base, enabled: base.enabled && options.enabled !== false, select, refetchOnWindowFocus, refetchInterval }
      }),
    },
    ctx.queryClient,
  ) as Array<QueryObserverResult<Entitlement, StiggError>>
  return queries.map((query, i) => {
    const featureId = featureIds[i] as string
    const fallback = fallbacks?.[featureId] ?? ctx.fallbackEntitlements?.[featureId]
    const useFallback = fallback !== undefined && (ctx.offline || query.isError)
    return { query, entitlement: useFallback ? fallbackEntitlement(featureId, fallback, requestedUsage) : query.data }
  })
}

/** What several features' queries add up to, for `useEntitlements` and `useFeatureGate`. */
export function summarizeEntitlements(featureIds: readonly string[], results: readonly EntitlementQuery[]) {
  const entitlements: Record<string, Entitlement> = {}
  // Features whose last fetch failed, even if an older answer is still cached.
  const failed: string[] = []
  results.forEach(({ query, entitlement }, i) => {
    const featureId = featureIds[i] as string
    if (entitlement) entitlements[featureId] = entitlement
    if (query.isError) failed.push(featureId)
  })
  return {
    entitlements,
    failed,
    isLoading: results.some(({ query }) => query.isLoading),
    isError: failed.length > 0,
    error: results.find(({ query }) => query.error)?.query.error ?? null,
    refetch: (): Promise<void> => Promise.all(results.map(({ query }) => query.refetch())).then(() => undefined),
  }
}
