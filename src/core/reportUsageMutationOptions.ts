import type { QueryClient } from '@tanstack/query-core'
import { withUsage, applyUsage } from './applyUsage'
import { createIdempotencyKey } from './createIdempotencyKey'
import { reportUsage } from './reportUsage'
import { retryDelay, shouldRetry } from './retry'
import type { StiggError } from './StiggError'
import { noCustomerError, offlineError, type StiggQueryContext } from './StiggQueryContext'
import { stiggKeys } from './stiggKeys'
import type { EntitlementData, ReportUsageParams, UsageMeasurement } from './types'

/** What `onMutate` hands to the rollback. */
export interface ReportUsageContext {
  previous: EntitlementData | undefined
}

// TanStack retries call mutationFn with the same variables object, so the key sticks to it.
const generatedKeys = new WeakMap<ReportUsageParams, string>()

/** The report's idempotency key: the caller's, or one generated once per variables object. */
export function idempotencyKeyFor(variables: ReportUsageParams): string {
  if (variables.idempotencyKey !== undefined) return variables.idempotencyKey
  let key = generatedKeys.get(variables)
  if (key === undefined) generatedKeys.set(variables, (key = createIdempotencyKey()))
  return key
}

/**
 * Mutation options for reporting usage: optimistic `currentUsage`, rollback on failure,
 * the server's number on success, a refetch of that feature on settle, and retries that
 * cannot double-count because every attempt carries the same idempotency key.
 *
 * @example
 * useMutation(reportUsageMutationOptions(ctx, { customerId, queryClient }), queryClient)
 */
export function reportUsageMutationOptions(
  ctx: StiggQueryContext,
  { customerId, queryClient }: { customerId: string | null; queryClient: QueryClient },
) {
  const keyOf = (featureId: string) => stiggKeys.entitlement(customerId, featureId)
  // After a customer switch the old entries are gone; never bring them back.
  const exists = (featureId: string) => queryClient.getQueryState(keyOf(featureId)) !== undefined
  return {
    mutationKey: stiggKeys.reportUsage(customerId),
    mutationFn: (variables: ReportUsageParams): Promise<UsageMeasurement> => {
      if (ctx.offline === true) return Promise.reject(offlineError('useReportUsage'))
      if (customerId === null) return Promise.reject(noCustomerError('useReportUsage'))
      return reportUsage(ctx.client, customerId, { ...variables, idempotencyKey: idempotencyKeyFor(variables) })
    },
    retry: ctx.retry === false ? false : (shouldRetry as (failureCount: number, error: StiggError) => boolean),
    retryDelay: retryDelay as (failureCount: number, error: StiggError) => number,
    onMutate: async ({ featureId, value }: ReportUsageParams): Promise<ReportUsageContext> => {
      await queryClient.cancelQueries({ queryKey: keyOf(featureId), exact: true })
      const previous = queryClient.getQueryData<EntitlementData>(keyOf(featureId))
      if (previous !== undefined && Number.isFinite(value)) {
        queryClient.setQueryData<EntitlementData>(keyOf(featureId), applyUsage(previous, value))
      }
      return { previous }
    },
    onError: (error: StiggError, { featureId }: ReportUsageParams, context: ReportUsageContext | undefined) => {
      ctx.onError?.(error)
      if (context?.previous !== undefined && exists(featureId)) {
        queryClient.setQueryData<EntitlementData>(keyOf(featureId), context.previous)
      }
    },
    onSuccess: (measurement: UsageMeasurement, { featureId }: ReportUsageParams) => {
      queryClient.setQueryData<EntitlementData>(keyOf(featureId), (old) =>
        old === undefined
          ? undefined
          : { ...withUsage(old, measurement.currentUsage), usagePeriodEnd: measurement.usagePeriodEnd ?? old.usagePeriodEnd },
      )
    },
    onSettled: (_data: unknown, _error: unknown, { featureId }: ReportUsageParams) => {
      if (exists(featureId)) void queryClient.invalidateQueries({ queryKey: keyOf(featureId), exact: true })
    },
  }
}
