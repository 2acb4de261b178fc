import { useQuery } from '@tanstack/react-query'
import type { StiggError } from '../core/StiggError'
import { pickCurrentSubscription } from '../core/subscriptions'
import { subscriptionQueryOptions } from '../core/subscriptionQueryOptions'
import type { Subscription, SubscriptionData } from '../core/types'
import type { StiggContextValue } from '../react/StiggContext'

/**
 * `useSubscription`, but idle unless the gate has a `plan`: a page of plain feature gates must
 * not fetch subscriptions. Same query key, so it shares the cache with `useSubscription`.
 */
export function useGateSubscription(ctx: StiggContextValue, enabled: boolean) {
  const base = subscriptionQueryOptions(ctx, { customerId: ctx.customerId })
  return useQuery<SubscriptionData[], StiggError, Subscription | null, typeof base.queryKey>(
    { ...base, enabled: base.enabled && enabled, select: pickCurrentSubscription },
    ctx.queryClient,
  )
}
