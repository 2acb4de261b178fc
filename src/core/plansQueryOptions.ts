import type { StiggClient, StiggRequestOptions } from './createStiggClient'
import type { StiggQueryOptions } from './entitlementQueryOptions'
import type { PaywallPlan, PlanData } from './plans'
import { StiggError } from './StiggError'
import { noCustomerError, queryDefaults, type StiggQueryContext } from './StiggQueryContext'
import { stiggKeys } from './stiggKeys'

// Here, not in documents.ts: an app that never shows plans ships neither this text nor its code (test/bundle).
export const plansDocument =
  'query StiggPlans($customerId:String!){plans(customerId:$customerId){id name description prices{amount currency billingPeriod}features{featureId isUnlimited usageLimit value resetPeriod feature{id displayName featureType units unitsPlural}}}}'

/**
 * The plans query's key: under the customer's prefix like every react-stigg key, so
 * `stiggKeys.customer(id)` finds (and drops) it with the rest.
 */
export const plansQueryKey = (customerId: string | null) => [...stiggKeys.customer(customerId), 'plans'] as const

export type PlansQueryKey = ReturnType<typeof plansQueryKey>

/**
 * The catalog's plans as offered to `customerId`, in display order, through the proxy (the
 * `plans` read in either dialect).
 *
 * @example
 * const plans = await fetchPlans(createStiggClient({ url: '/api/stigg' }), 'customer-free')
 */
export function fetchPlans(client: StiggClient, customerId: string, options?: StiggRequestOptions): Promise<PlanData[]> {
  return client.request<PlanData[]>(plansDocument, { customerId }, 'plans', options)
}

/**
 * Options for the customer's plans query (`PlanData[]`, plain JSON); describe them against the
 * current plan with `describePlans` in `select`, as `usePlans` does.
 */
export function plansQueryOptions(
  ctx: StiggQueryContext,
  { customerId }: { customerId: string | null },
): StiggQueryOptions<PlanData[], PlansQueryKey> {
  return {
    queryKey: plansQueryKey(customerId),
    queryFn: () => (customerId === null ? Promise.reject(noCustomerError('usePlans')) : fetchPlans(ctx.client, customerId)),
    ...queryDefaults(ctx, customerId),
  }
}

/**
 * The plan with `planId`, or a `StiggError` (code `PLAN_NOT_FOUND`) naming the id and the plans
 * there are: a typo'd id fails loudly instead of selecting nothing.
 *
 * @example
 * onUpgrade(findPlan(plans, 'plan-pro'))
 */
export function findPlan<T extends Pick<PaywallPlan, 'id'>>(plans: readonly T[], planId: string): T {
  const plan = plans.find((candidate) => candidate.id === planId)
  if (plan === undefined) {
    throw new StiggError(
      process.env.NODE_ENV !== 'production'
        ? `react-stigg: no plan "${planId}" in the catalog; known plans: ${plans.map((candidate) => candidate.id).join(', ') || 'none (still loading?)'}.`
        : '',
      { code: 'PLAN_NOT_FOUND' },
    )
  }
  return plan
}
