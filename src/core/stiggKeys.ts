/**
 * Query keys of everything react-stigg caches. All of them start with
 * `['stigg', customerId]`, so one customer's data can be found (and dropped) as a whole.
 *
 * @example
 * queryClient.invalidateQueries({ queryKey: stiggKeys.customer('customer-pro') })
 */
export const stiggKeys = {
  all: ['stigg'] as const,
  customer: (customerId: string | null) => ['stigg', customerId] as const,
  entitlement: (customerId: string | null, featureId: string) =>
    ['stigg', customerId, 'entitlement', featureId] as const,
  subscriptions: (customerId: string | null) => ['stigg', customerId, 'subscriptions'] as const,
  reportUsage: (customerId: string | null) => ['stigg', customerId, 'reportUsage'] as const,
  provisionCustomer: (customerId: string | null) => ['stigg', customerId, 'provisionCustomer'] as const,
}

export type EntitlementQueryKey = ReturnType<typeof stiggKeys.entitlement>
export type SubscriptionsQueryKey = ReturnType<typeof stiggKeys.subscriptions>
