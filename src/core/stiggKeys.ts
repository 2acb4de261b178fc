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
  /** A resource-scoped entitlement adds its `resourceId` at the end; the unscoped key is unchanged. */
  entitlement: <R extends string | null | undefined = undefined>(customerId: string | null, featureId: string, resourceId?: R) =>
    (resourceId ? ['stigg', customerId, 'entitlement', featureId, resourceId] : ['stigg', customerId, 'entitlement', featureId]) as unknown as R extends string
      ? readonly ['stigg', string | null, 'entitlement', string, string]
      : readonly ['stigg', string | null, 'entitlement', string],
  subscriptions: (customerId: string | null) => ['stigg', customerId, 'subscriptions'] as const,
  reportUsage: (customerId: string | null) => ['stigg', customerId, 'reportUsage'] as const,
  provisionCustomer: (customerId: string | null) => ['stigg', customerId, 'provisionCustomer'] as const,
}

export type EntitlementQueryKey = ReturnType<typeof stiggKeys.entitlement<string | null | undefined>>
export type SubscriptionsQueryKey = ReturnType<typeof stiggKeys.subscriptions>
