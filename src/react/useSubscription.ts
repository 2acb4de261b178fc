import { useQuery, type QueryObserverResult } from '@tanstack/react-query'
import type { StiggError } from '../core/StiggError'
import { pickCurrentSubscription } from '../core/subscriptions'
import { subscriptionQueryOptions } from '../core/subscriptionQueryOptions'
import type { Plan, Subscription, SubscriptionData, SubscriptionStatus } from '../core/types'
import { useStiggContext } from './StiggContext'

/** Options of {@link useSubscription}. */
export interface UseSubscriptionOptions {
  /**
   * Set false to keep the query idle (e.g. `usePlanGate({ enabled: false })` fetches no
   * subscriptions). It still reads whatever the cache already holds.
   * @default true
   */
  enabled?: boolean
}

/** What {@link useSubscription} returns. */
export interface UseSubscriptionResult {
  /** The current subscription (the newest one that grants its plan now, else the newest); null when none. */
  subscription: Subscription | null
  plan: Plan | null
  status: SubscriptionStatus | null
  isLoading: boolean
  isError: boolean
  error: StiggError | null
  refetch: () => Promise<QueryObserverResult<Subscription | null, StiggError>>
}

/**
 * The customer's current subscription and plan.
 *
 * @example
 * const { plan, status } = useSubscription()
 * return <p>{plan?.name} ({status})</p>
 *
 * @example
 * // Idle until needed; shares the cache with every other `useSubscription`.
 * const { plan } = useSubscription({ enabled: showPlanBadge })
 */
export function useSubscription({ enabled = true }: UseSubscriptionOptions = {}): UseSubscriptionResult {
  const ctx = useStiggContext('useSubscription')
  const base = subscriptionQueryOptions(ctx, { customerId: ctx.customerId })
  const query = useQuery<SubscriptionData[], StiggError, Subscription | null, typeof base.queryKey>(
    { ...base, enabled: base.enabled && enabled, select: pickCurrentSubscription },
    ctx.queryClient,
  )
  const subscription = query.data ?? null
  return {
    subscription,
    plan: subscription?.plan ?? null,
    status: subscription?.status ?? null,
    isLoading: query.isLoading,
    isError: query.isError,
    error: query.error,
    refetch: query.refetch,
  }
}
