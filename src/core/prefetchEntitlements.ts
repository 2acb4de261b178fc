import type { QueryClient } from '@tanstack/query-core'
import { createStiggClient, type EntitlementResults, type StiggClient, type StiggClientOptions } from './createStiggClient'
import { StiggError } from './StiggError'
import { stiggKeys } from './stiggKeys'

/** Which entitlements to prefetch, and how to reach Stigg: an existing client or client options. */
export type PrefetchEntitlementsOptions = {
  customerId: string
  featureIds: readonly string[]
  /** Scope to this resource of the customer, as the hooks' `resourceId` does. */
  resourceId?: string | null
} & ({ client: StiggClient } | StiggClientOptions)

/**
 * Server side (no React): fetches the features and writes each into its own cache entry,
 * so `dehydrate(queryClient)` + `<HydrationBoundary>` render granted content in the server
 * HTML. Features that failed are left out (the browser fetches them); the results are
 * returned for the caller to inspect.
 *
 * @example
 * const queryClient = new QueryClient()
 * await prefetchEntitlements(queryClient, {
 *   url: 'https://api.example.com/api/stigg', headers: { cookie }, customerId, featureIds: ['feature-sso'],
 * })
 * return <HydrationBoundary state={dehydrate(queryClient)}>…</HydrationBoundary>
 */
export async function prefetchEntitlements(
  queryClient: QueryClient,
  options: PrefetchEntitlementsOptions,
): Promise<EntitlementResults> {
  const client = 'client' in options ? options.client : createStiggClient(options)
  const { customerId, resourceId } = options
  const results = await client.getEntitlements(customerId, options.featureIds, { resourceId })
  for (const [featureId, result] of Object.entries(results)) {
    if (!(result instanceof StiggError)) queryClient.setQueryData(stiggKeys.entitlement(customerId, featureId, resourceId), result)
  }
  return results
}
