import type { EntitlementBatcher } from './createEntitlementBatcher'
import type { StiggClient } from './createStiggClient'
import { retryDelay, shouldRetry } from './retry'
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
  /**
   * Refetch stale data when the window regains focus (`'always'`: even fresh data).
   * @default the QueryClient's default (TanStack: true)
   */
  refetchOnWindowFocus?: boolean | 'always'
  /**
   * Refetch every this many ms while the tab is visible (paused when hidden); false: never.
   * @default the QueryClient's default (TanStack: false)
   */
  refetchInterval?: number | false
  /** No network at all: queries are disabled, mutations reject with `OFFLINE`. */
  offline?: boolean
  /** Told about every failed mutation, once, after its retries (the provider's `onError`). */
  onError?: (error: StiggError) => void
}

export const defaultStaleTime = 30_000

export function noCustomerError(what: string): StiggError {
  return new StiggError(process.env.NODE_ENV !== 'production' ? `react-stigg: \`${what}\` needs a customer; <StiggProvider> has customerId={null}.` : '', {
    code: 'NO_CUSTOMER',
  })
}

export function offlineError(what: string): StiggError {
  return new StiggError(process.env.NODE_ENV !== 'production' ? `react-stigg: \`${what}\` cannot reach Stigg because <StiggProvider> is offline.` : '', {
    code: 'OFFLINE',
  })
}

/** What every Stigg query shares: idle without a customer or offline, the provider's freshness and retry policy. */
export function queryDefaults(ctx: StiggQueryContext, customerId: string | null) {
  return {
    enabled: customerId !== null && ctx.offline !== true,
    staleTime: ctx.staleTime ?? defaultStaleTime,
    refetchOnWindowFocus: ctx.refetchOnWindowFocus,
    refetchInterval: ctx.refetchInterval,
    retry: ctx.retry === false ? (false as const) : shouldRetry,
    retryDelay,
  }
}
