import type { FeatureId } from '../core/Register'
import { useEffect, useState } from 'react'
import { StiggError } from '../core/StiggError'
import { offlineError } from '../core/StiggQueryContext'
import type { Entitlement } from '../core/types'
import { defaultWaitTimeoutMs, waitForEntitlement } from '../core/waitForEntitlement'
import { useStiggContext } from './StiggContext'

/** Options of {@link useAwaitEntitlement}. */
export interface UseAwaitEntitlementOptions {
  /**
   * Start waiting; false stops (and forgets) a wait in progress.
   * @default true
   */
  enabled?: boolean
  /** @default 60_000 */
  timeoutMs?: number
  /** @default 1 */
  requestedUsage?: number
}

/** Where a wait stands: `idle` (not enabled or signed out), `waiting`, `granted` or `error`. */
export type AwaitEntitlementStatus = 'idle' | 'waiting' | 'granted' | 'error'

/** What {@link useAwaitEntitlement} returns. */
export interface UseAwaitEntitlementResult {
  status: AwaitEntitlementStatus
  /** The fresh entitlement once granted. */
  entitlement: Entitlement | null
  /** `TIMEOUT`, `FEATURE_NOT_IN_ANY_PLAN`, `BAD_INPUT`… when `status` is `error`. */
  error: StiggError | null
  /** Starts the wait again (e.g. a "Try again" button after a timeout). */
  restart: () => void
}

interface WaitState {
  key: string
  status: AwaitEntitlementStatus
  entitlement: Entitlement | null
  error: StiggError | null
}

/**
 * Waits for access to `featureId` (see `waitForEntitlement`) while mounted and enabled: after
 * checkout, show "Activating…" until the webhook's grant arrives, then every gate and meter of
 * the customer refreshes. Stops on unmount, customer switch, `enabled: false` or a new feature id;
 * a null `featureId` stays idle (nothing to wait for yet).
 *
 * @example
 * const wait = useAwaitEntitlement('feature-analytics', { enabled: paid, timeoutMs: 30_000 })
 * if (wait.status === 'waiting') return <p role="status">Activating…</p>
 */
export function useAwaitEntitlement(
  featureId: FeatureId | null,
  { enabled = true, timeoutMs = defaultWaitTimeoutMs, requestedUsage = 1 }: UseAwaitEntitlementOptions = {},
): UseAwaitEntitlementResult {
  const ctx = useStiggContext('useAwaitEntitlement')
  const [attempt, setAttempt] = useState(0)
  const [state, setState] = useState<WaitState | null>(null)
  const { customerId } = ctx
  // One key per wait: a state left from another customer, feature or attempt is never shown.
  const key = enabled && customerId !== null && featureId !== null ? JSON.stringify([customerId, featureId, timeoutMs, requestedUsage, attempt]) : null

  useEffect(() => {
    if (key === null) return
    const controller = new AbortController()
    const settle = (next: Omit<WaitState, 'key'>) => {
      if (!controller.signal.aborted) setState({ key, ...next })
    }
    const wait = ctx.offline
      ? Promise.reject(offlineError('useAwaitEntitlement'))
      : waitForEntitlement(ctx, featureId!, { timeoutMs, requestedUsage, signal: controller.signal })
    wait.then(
      (entitlement) => settle({ status: 'granted', entitlement, error: null }),
      (error: unknown) =>
        settle({
          status: 'error',
          entitlement: null,
          error: error instanceof StiggError ? error : new StiggError('', { code: 'UNKNOWN', cause: error }),
        }),
    )
    return () => controller.abort()
    // `key` holds every input of the wait; the context's client and queryClient are stable per provider.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key])

  const current = key !== null && state?.key === key ? state : null
  return {
    status: current?.status ?? (key === null ? 'idle' : 'waiting'),
    entitlement: current?.entitlement ?? null,
    error: current?.error ?? null,
    restart: () => setAttempt((n) => n + 1),
  }
}
