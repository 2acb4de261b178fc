import type { QueryClient } from '@tanstack/react-query'
import type { StiggClient } from '../core/createStiggClient'
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
  const { client, customerId, queryClient, invalidate, locale } = useStiggContext('useStigg')
  return { client, customerId, queryClient, invalidate, locale }
}
