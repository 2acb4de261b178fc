import type { QueryClient } from '@tanstack/query-core'
import { provisionCustomerDocument } from './documents'
import type { StiggError } from './StiggError'
import { noCustomerError, offlineError, type StiggQueryContext } from './StiggQueryContext'
import { stiggKeys } from './stiggKeys'
import type { ProvisionCustomerParams, ProvisionCustomerResult } from './types'

/**
 * Mutation options for provisioning the provider's customer. Not retried: a provision that
 * reached Stigg but lost its answer would fail as a duplicate on the second try.
 * Everything cached for the customer is refetched afterwards (their plan changed).
 */
export function provisionCustomerMutationOptions(
  ctx: StiggQueryContext,
  { customerId, queryClient }: { customerId: string | null; queryClient: QueryClient },
) {
  return {
    mutationKey: stiggKeys.provisionCustomer(customerId),
    mutationFn: (params: ProvisionCustomerParams = {}): Promise<ProvisionCustomerResult> => {
      if (ctx.offline === true) return Promise.reject(offlineError('useProvisionCustomer'))
      if (customerId === null) return Promise.reject(noCustomerError('useProvisionCustomer'))
      // The document lives here, not in createStiggClient, so apps that never provision do not ship it.
      return ctx.client.request<ProvisionCustomerResult>(provisionCustomerDocument, { input: { customerId, ...params } }, 'provisionCustomer')
    },
    retry: false as const,
    onError: (error: StiggError) => ctx.onError?.(error),
    onSuccess: (): Promise<void> => queryClient.invalidateQueries({ queryKey: stiggKeys.customer(customerId) }),
  }
}
