import type { QueryClient } from '@tanstack/query-core'
import type { StiggClient } from './createStiggClient'
import { decideAccess } from './decideAccess'
import type { PlanData } from './plans'
import { fetchPlans, plansQueryKey } from './plansQueryOptions'
import { StiggError } from './StiggError'
import { noCustomerError } from './StiggQueryContext'
import { stiggKeys } from './stiggKeys'
import type { Entitlement } from './types'

/** Whom to wait for: `useStigg()`'s result fits as is. */
export interface WaitForEntitlementTarget {
  client: StiggClient
  customerId: string | null
  /** When given, every cached entitlement and the subscriptions of the customer are refetched once access arrives. */
  queryClient?: QueryClient
}

/** Options of {@link waitForEntitlement}. */
export interface WaitForEntitlementOptions {
  /**
   * Give up after this many ms, rejecting with a `StiggError` of code `TIMEOUT`. Finite and > 0.
   * @default 60_000
   */
  timeoutMs?: number
  /** Stops waiting; the promise rejects with code `ABORTED`. */
  signal?: AbortSignal
  /**
   * Usage the customer is about to add: a metered feature counts as arrived once it fits.
   * @default 1
   */
  requestedUsage?: number
}

export const defaultWaitTimeoutMs = 60_000
// Fast at first (a webhook often lands within a second or two), then capped so a slow one costs little.
const firstDelayMs = 250
const maxDelayMs = 2_000

const dev = process.env.NODE_ENV !== 'production'

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms)
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true })
  })
}

/**
 * Waits until the customer has access to `featureId` (e.g. after checkout, while the payment
 * webhook is on its way), whatever route grants it. Polls with backoff (250 ms doubling to
 * 2 s, longer when the server sends `Retry-After`), then refetches every cached entitlement
 * and the subscription of the customer and resolves with the fresh {@link Entitlement}.
 *
 * A function of the client rather than a client method, so apps that never wait ship none of it.
 *
 * Rejects with a `StiggError`: `TIMEOUT` after `timeoutMs`; `ABORTED` when `signal` aborts;
 * `BAD_INPUT` for a `timeoutMs` that is not finite and > 0; `FEATURE_NOT_IN_ANY_PLAN` at once
 * when no plan of the catalog contains the feature; a non-retryable error as it came.
 *
 * @example
 * const stigg = useStigg()
 * await waitForEntitlement(stigg, 'feature-analytics', { timeoutMs: 30_000 })
 */
export async function waitForEntitlement(
  target: WaitForEntitlementTarget,
  featureId: string,
  { timeoutMs = defaultWaitTimeoutMs, signal, requestedUsage = 1 }: WaitForEntitlementOptions = {},
): Promise<Entitlement> {
  const call = dev ? `react-stigg: waitForEntitlement('${featureId}')` : ''
  if (!(Number.isFinite(timeoutMs) && timeoutMs > 0) || !(Number.isFinite(requestedUsage) && requestedUsage >= 0)) {
    const detail = `needs timeoutMs finite and > 0 and requestedUsage finite and >= 0, got ${String(timeoutMs)} and ${String(requestedUsage)}.`
    throw new StiggError(dev ? `${call} ${detail}` : '', { code: 'BAD_INPUT' })
  }
  const { client, customerId, queryClient } = target
  if (customerId === null) throw noCustomerError('waitForEntitlement')
  const aborted = () => new StiggError(dev ? `${call} was aborted.` : '', { code: 'ABORTED', cause: signal?.reason })
  if (signal?.aborted) throw aborted()

  const controller = new AbortController()
  let timedOut = false
  const timer = setTimeout(() => ((timedOut = true), controller.abort()), timeoutMs)
  const onAbort = () => controller.abort()
  signal?.addEventListener('abort', onAbort, { once: true })
  const stopped = () =>
    timedOut
      ? new StiggError(dev ? `${call} for customer "${customerId}" gave up after ${timeoutMs} ms: no access yet.` : '', { code: 'TIMEOUT' })
      : aborted()
  // The catalog check is only a fast "never": if the plans cannot be read, waiting goes on.
  const cached = queryClient?.getQueryData<PlanData[]>(plansQueryKey(customerId))
  const plans = cached ? Promise.resolve(cached) : fetchPlans(client, customerId, { signal: controller.signal }).catch(() => null)

  try {
    for (let delay = firstDelayMs, first = true; ; delay = Math.min(delay * 2, maxDelayMs), first = false) {
      let wait = delay
      try {
        const result = (await client.getEntitlements(customerId, [featureId], { signal: controller.signal }))[featureId]
        if (result instanceof StiggError) throw result
        const entitlement = result && decideAccess(result, { requestedUsage })
        if (entitlement?.hasAccess) {
          if (queryClient) {
            queryClient.setQueryData(stiggKeys.entitlement(customerId, featureId), result)
            await Promise.all([
              queryClient.invalidateQueries({ queryKey: [...stiggKeys.customer(customerId), 'entitlement'] }),
              queryClient.invalidateQueries({ queryKey: stiggKeys.subscriptions(customerId) }),
            ])
          }
          return entitlement
        }
      } catch (error) {
        if (controller.signal.aborted) throw stopped()
        if (!(error instanceof StiggError && error.retryable)) throw error
        if (error.retryAfterMs !== null) wait = Math.max(wait, error.retryAfterMs)
      }
      const known = first ? await plans : null
      if (known && !known.some((plan) => plan.features.some((feature) => feature.featureId === featureId))) {
        const ids = known.map((plan) => plan.id).join(', ')
        throw new StiggError(dev ? `${call}: no plan contains the feature (plans: ${ids}), so no upgrade can grant it.` : '', {
          code: 'FEATURE_NOT_IN_ANY_PLAN',
        })
      }
      await sleep(wait, controller.signal)
      if (controller.signal.aborted) throw stopped()
    }
  } finally {
    clearTimeout(timer)
    signal?.removeEventListener('abort', onAbort)
  }
}
