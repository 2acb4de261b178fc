import { useMutation, type UseMutationResult } from '@tanstack/react-query'
import { provisionCustomerMutationOptions } from '../core/provisionCustomerMutationOptions'
import type { StiggError } from '../core/StiggError'
import type { ProvisionCustomerParams, ProvisionCustomerResult } from '../core/types'
import { useStiggContext } from './StiggContext'

/** What {@link useProvisionCustomer} returns: a TanStack mutation. */
export type UseProvisionCustomerResult = UseMutationResult<
  ProvisionCustomerResult,
  StiggError,
  ProvisionCustomerParams | void,
  unknown
>

/**
 * Provisions the provider's customer (e.g. right after sign-up), then refetches their data.
 *
 * @example
 * const provision = useProvisionCustomer()
 * provision.mutate({ name: 'Acme', subscriptionParams: { planId: 'plan-free' } })
 */
export function useProvisionCustomer(): UseProvisionCustomerResult {
  const ctx = useStiggContext('useProvisionCustomer')
  const options = provisionCustomerMutationOptions(ctx, { customerId: ctx.customerId, queryClient: ctx.queryClient })
  return useMutation<ProvisionCustomerResult, StiggError, ProvisionCustomerParams | void, unknown>(
    { ...options, mutationFn: (params) => options.mutationFn(params ?? {}) },
    ctx.queryClient,
  )
}
