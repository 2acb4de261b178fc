import type { StiggError } from './StiggError'
import { noCustomerError, queryDefaults, type StiggQueryContext } from './StiggQueryContext'
import { stiggKeys, type EntitlementQueryKey } from './stiggKeys'
import type { EntitlementData } from './types'

/** The shared shape of react-stigg's query options; spread into `useQuery`/`useQueries`. */
export interface StiggQueryOptions<TData, TKey extends readonly unknown[]> {
  queryKey: TKey
  queryFn: () => Promise<TData>
  enabled: boolean
  staleTime: number
  refetchOnWindowFocus: boolean | 'always' | undefined
  refetchInterval: number | false | undefined
  retry: false | ((failureCount: number, error: StiggError) => boolean)
  retryDelay: (failureCount: number, error: StiggError) => number
}

/** Which entitlement to load. */
export interface EntitlementQueryParams {
  /** Null while signed out: the query stays disabled. */
  customerId: string | null
  featureId: string
  /** The customer's resource (workspace, project) to scope to; cached apart from the unscoped answer. */
  resourceId?: string | null
}

/**
 * Options for one feature's entitlement query: cached per feature as the wire
 * `EntitlementData`, loaded through the batcher so a page's misses share one request.
 *
 * @example
 * useQuery({ ...entitlementQueryOptions(ctx, { customerId, featureId }), select: (d) => decideAccess(d) })
 */
export function entitlementQueryOptions(
  ctx: StiggQueryContext,
  { customerId, featureId, resourceId }: EntitlementQueryParams,
): StiggQueryOptions<EntitlementData, EntitlementQueryKey> {
  return {
    queryKey: stiggKeys.entitlement(customerId, featureId, resourceId),
    queryFn: () =>
      customerId === null ? Promise.reject(noCustomerError('useEntitlement')) : ctx.batcher.load(customerId, featureId, resourceId),
    ...queryDefaults(ctx, customerId),
  }
}
