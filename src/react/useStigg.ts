import type { QueryClient } from '@tanstack/react-query'
import { useCallback } from 'react'
import type { StiggClient } from '../core/createStiggClient'
import { stiggKeys } from '../core/stiggKeys'
import { useStiggContext, type StiggInvalidateFilter } from './StiggContext'

/** What {@link useStigg} returns. */
export interface UseStiggResult {
  client: StiggClient
  customerId: string | null
  queryClient: QueryClient
  /**
   * Refetches what is cached for the current customer: everything (after a plan change), or only
   * `featureIds`' entitlements (after the app changed something they count, e.g. added a seat).
   * Mounted hooks refetch at once; others on their next mount.
   * @example await invalidate({ featureIds: ['feature-seats'] })
   */
  invalidate: (filter?: StiggInvalidateFilter) => Promise<void>
  /** The provider's `locale`, for formatting numbers and dates. */
  locale: string | undefined
}

/**
 * The provider's client, customer and QueryClient.
 *
 * @example
 * const { invalidate } = useStigg()
 * await upgradePlan(); await invalidate()
 */
export function useStigg(): UseStiggResult {
  const { client, customerId, queryClient, locale } = useStiggContext('useStigg')
  // Built here rather than in the provider: pages that never invalidate do not ship it.
  const invalidate = useCallback(
    (filter?: StiggInvalidateFilter) =>
      queryClient.invalidateQueries({
        queryKey: stiggKeys.customer(customerId),
        // Entitlement keys hold the feature id at index 3 (stiggKeys.entitlement).
        predicate: filter?.featureIds && ((query) => filter.featureIds!.includes(query.queryKey[3] as string)),
      }),
    [queryClient, customerId],
  )
  return { client, customerId, queryClient, invalidate, locale }
}
