import { ProxyRefusal } from '../ProxyRefusal'
import type { ResolvedLimits } from './resolveLimits'
import { callStore } from '../store/callStore'

/** A store slower than this counts as "within budget": a Redis hiccup must not become a 429 or a 5xx. */
export const BUDGET_STORE_DEADLINE_MS = 50

export interface Budgets {
  /**
   * Runs `call` (one upstream call of `customerId`) within the customer's budgets, or throws a
   * 429 `RATE_LIMITED` {@link ProxyRefusal} with `Retry-After` and never runs it.
   */
  spend<T>(customerId: string, call: () => Promise<T>): Promise<T>
}

/**
 * Per-customer budgets for upstream calls, counted in `limits.store` so several proxy instances
 * can share them: calls in flight (`concurrent`) and calls started per clock minute
 * (`perMinute`). Only calls that reach Stigg count; cached and shared answers are free.
 */
export function createBudgets(limits: ResolvedLimits, timeoutMs: number, onStoreError: (customerId: string, error: unknown) => void): Budgets {
  const { concurrent, perMinute, store } = limits
  // In-flight counts expire on their own if an instance dies mid-call.
  const inFlightTtl = timeoutMs + 5_000

  const guarded = (customerId: string, by: number, key: string, ttlMs: number): Promise<number | undefined> =>
    callStore(() => store.increment(key, by, ttlMs), BUDGET_STORE_DEADLINE_MS, 'the budget store').catch((error: unknown) => {
      onStoreError(customerId, error)
      return undefined
    })

  const limited = (message: string, seconds: number) =>
    new ProxyRefusal(429, 'RATE_LIMITED', message, { headers: { 'retry-after': String(seconds) } })

  // Without budgets, `spend` is the call itself: no async frame per upstream call.
  if (perMinute === undefined && concurrent === undefined) return { spend: (_customerId, call) => call() }

  return {
    async spend(customerId, call) {
      if (perMinute !== undefined) {
        const now = Date.now()
        const window = Math.floor(now / 60_000)
        const started = await guarded(customerId, 1, `budget:m:${window}:${customerId}`, 61_000)
        if (started !== undefined && started > perMinute) {
          const seconds = Math.max(1, Math.ceil(((window + 1) * 60_000 - now) / 1000))
          throw limited(`This customer started ${perMinute} Stigg calls this minute, the proxy's limits.perMinute; retry in ${seconds} s.`, seconds)
        }
      }
      if (concurrent === undefined) return call()
      const key = `budget:c:${customerId}`
      const running = await guarded(customerId, 1, key, inFlightTtl)
      if (running !== undefined && running > concurrent) {
        void guarded(customerId, -1, key, inFlightTtl)
        throw limited(`This customer already has ${concurrent} Stigg calls in flight, the proxy's limits.concurrent; retry in 1 s.`, 1)
      }
      try {
        return await call()
      } finally {
        if (running !== undefined) void guarded(customerId, -1, key, inFlightTtl)
      }
    },
  }
}
