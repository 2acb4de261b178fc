import type { StiggQueryOptions } from './entitlementQueryOptions'
import { retryDelay, shouldRetry } from './retry'
import { defaultStaleTime, noCustomerError, type StiggQueryContext } from './StiggQueryContext'
import { stiggKeys, type SubscriptionsQueryKey } from './stiggKeys'
import type { SubscriptionData } from './types'

/**
 * Options for a customer's subscriptions query (`SubscriptionData[]`, plain JSON);
 * pick the current one with `pickCurrentSubscription` in `select`.
 */
export function subscriptionQueryOptions(
  ctx: StiggQueryContext,
  { customerId }: { customerId: string | null },
): StiggQueryOptions<SubscriptionData[], SubscriptionsQueryKey> {
  return {
    queryKey: stiggKeys.subscriptions(customerId),
    queryFn: () =>
      customerId === null ? Promise.reject(noCustomerError('useSubscription')) : ctx.client.getSubscriptions(customerId),
    enabled: customerId !== null && ctx.offline !== true,
    staleTime: ctx.staleTime ?? defaultStaleTime,
    retry: ctx.retry === false ? false : shouldRetry,
    retryDelay,
  }
}
