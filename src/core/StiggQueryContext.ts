import type { EntitlementBatcher } from './createEntitlementBatcher'
import type { StiggClient } from './createStiggClient'
import { StiggError } from './StiggError'

/** What the query and mutation option factories need: the provider builds one. */
export interface StiggQueryContext {
  client: StiggClient
  batcher: EntitlementBatcher
  /**
   * How long fetched data counts as fresh, in ms.
   * @default 30_000
   */
  staleTime?: number
  /**
   * False turns Stigg's retries off (the test kit does, through `retry: false` on its QueryClient).
   * @default true
   */
  retry?: boolean
  /** No network at all: queries are disabled, mutations reject with `OFFLINE`. */
  offline?: boolean
}

export const defaultStaleTime = 30_000

export function noCustomerError(what: string): StiggError {
  return new StiggError(`react-stigg: \`${what}\` needs a customer, but <StiggProvider> has customerId={null}. Sign the user in first.`, {
    code: 'NO_CUSTOMER',
  })
}

export function offlineError(what: string): StiggError {
  return new StiggError(`react-stigg: \`${what}\` cannot reach Stigg because <StiggProvider> is offline.`, { code: 'OFFLINE' })
}
