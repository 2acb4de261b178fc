import { useQuery, type QueryObserverResult } from '@tanstack/react-query'
import { useMemo } from 'react'
import { describePlans, type PaywallPlan, type PlanData } from '../core/plans'
import { plansQueryOptions } from '../core/plansQueryOptions'
import type { StiggError } from '../core/StiggError'
import { useStiggContext } from './StiggContext'
import { useSubscription } from './useSubscription'

/** Options of {@link usePlans}. */
export interface UsePlansOptions {
  /** @default true */
  enabled?: boolean
}

/** What {@link usePlans} returns. */
export interface UsePlansResult {
  /** In display order; empty while loading or failed. */
  plans: PaywallPlan[]
  /** The customer's plan (from `useSubscription`), or null when they have none or it is not in the catalog. */
  currentPlan: PaywallPlan | null
  /** True until both the plans and the subscription are known, so states never flicker. */
  isLoading: boolean
  isError: boolean
  /** The plans' error, else the subscription's. */
  error: StiggError | null
  refetch: () => Promise<QueryObserverResult<PlanData[], StiggError>>
}

/**
 * The catalog's plans as data, each marked against the customer's current plan (`state`:
 * `current | upgrade | downgrade`) with the features it adds. Cached under
 * `['stigg', customerId, 'plans']`; the current plan follows the subscription cache.
 *
 * @example
 * const { plans } = usePlans()
 * return <ul>{plans.map((plan) => <li key={plan.id} data-state={plan.state}>{plan.name}</li>)}</ul>
 */
export function usePlans({ enabled = true }: UsePlansOptions = {}): UsePlansResult {
  const ctx = useStiggContext('usePlans')
  const base = plansQueryOptions(ctx, { customerId: ctx.customerId })
  const query = useQuery<PlanData[], StiggError, PlanData[], typeof base.queryKey>(
    { ...base, enabled: base.enabled && enabled },
    ctx.queryClient,
  )
  const subscription = useSubscription({ enabled })
  const currentPlanId = subscription.plan?.id ?? null
  const plans = useMemo(() => describePlans(query.data ?? [], currentPlanId), [query.data, currentPlanId])
  return {
    plans,
    currentPlan: plans.find((plan) => plan.isCurrent) ?? null,
    isLoading: query.isLoading || subscription.isLoading,
    isError: query.isError || subscription.isError,
    error: query.error ?? subscription.error,
    refetch: query.refetch,
  }
}
