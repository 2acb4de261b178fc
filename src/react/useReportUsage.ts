import { useMutation, type UseMutationResult } from '@tanstack/react-query'
import { useMemo } from 'react'
import { reportUsageMutationOptions, type ReportUsageContext } from '../core/reportUsageMutationOptions'
import type { StiggError } from '../core/StiggError'
import type { ReportUsageParams, UsageMeasurement } from '../core/types'
import { useStiggContext } from './StiggContext'

/** What {@link useReportUsage} returns: a TanStack mutation. */
export type UseReportUsageResult = UseMutationResult<UsageMeasurement, StiggError, ReportUsageParams, ReportUsageContext>

/**
 * Reports usage for the provider's customer. The feature's `currentUsage`/`hasAccess`
 * update at once and roll back on failure; each `mutate` call gets its own idempotency key
 * (unless you pass one), reused by every retry, so a retried report counts once.
 *
 * @example
 * const reportUsage = useReportUsage()
 * reportUsage.mutate({ featureId: 'feature-api-calls', value: 1 })
 */
export function useReportUsage(): UseReportUsageResult {
  const ctx = useStiggContext('useReportUsage')
  const mutation = useMutation(
    reportUsageMutationOptions(ctx, { customerId: ctx.customerId, queryClient: ctx.queryClient }),
    ctx.queryClient,
  )
  const { mutate, mutateAsync } = mutation
  // The options key each variables object once (reused by retries); a fresh object per call
  // means a constant object passed twice is still two reports with two keys.
  const perCall = useMemo(
    () => ({
      mutate: ((variables, options) => mutate({ ...variables }, options)) as typeof mutate,
      mutateAsync: ((variables, options) => mutateAsync({ ...variables }, options)) as typeof mutateAsync,
    }),
    [mutate, mutateAsync],
  )
  return { ...mutation, ...perCall } as UseReportUsageResult
}
