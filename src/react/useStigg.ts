import type { QueryClient } from '@tanstack/react-query'
import type { StiggClient } from '../core/createStiggClient'
import { useStiggContext } from './StiggContext'

/** What {@link useStigg} returns. */
export interface UseStiggResult {
  client: StiggClient
  customerId: string | null
  queryClient: QueryClient
  /** Refetches everything cached for the current customer (e.g. after a plan change). */
  invalidate: () => Promise<void>
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
