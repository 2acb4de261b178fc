import type { StiggQueryOptions } from './entitlementQueryOptions'
import { noCustomerError, queryDefaults, type StiggQueryContext } from './StiggQueryContext'
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
    ...queryDefaults(ctx, customerId),
  }
}
