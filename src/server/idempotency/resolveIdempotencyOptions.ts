import type { ResolvedCache } from '../economy/resolveCacheOptions'
import { createMemoryStore } from '../store/createMemoryStore'
import type { StiggProxyStore } from '../store/StiggProxyStore'
import { assertProxyStore } from '../store/assertProxyStore'

/**
 * The default window: the browser's retries come within seconds (3 retries, backoff ≤ 4 s plus
 * `timeoutMs` each) and a mutation paused offline resumes on reconnect, usually within minutes.
 */
export const DEFAULT_IDEMPOTENCY_WINDOW_MS = 60 * 60 * 1_000
/** Stripe keeps keys 24 h; longer only grows the store. */
export const MAX_IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60 * 1_000

/** The `idempotency` option, checked, with its store chosen. */
export interface ResolvedIdempotency {
  windowMs: number
  store: StiggProxyStore
  /** How long a first attempt holds its key against other instances: its upstream call ends within `timeoutMs`. */
  claimMs: number
}

const keys = new Set(['windowMs', 'store'])

/**
 * Checks `options.idempotency` once, at creation. On by default; the store is `idempotency.store`,
 * else `cache.store` (shared between instances when it is Redis), else this process's memory.
 */
export function resolveIdempotencyOptions(
  idempotency: unknown,
  cache: ResolvedCache | undefined,
  timeoutMs: number,
  caller: string,
): ResolvedIdempotency | undefined {
  if (idempotency === false) return undefined
  if (idempotency !== undefined && (typeof idempotency !== 'object' || idempotency === null)) {
    throw new TypeError(`${caller}: options.idempotency must be false or { windowMs?, store? }, got ${JSON.stringify(idempotency)}.`)
  }
  const given = (idempotency ?? {}) as { windowMs?: unknown; store?: unknown }
  for (const key of Object.keys(given)) {
    if (!keys.has(key)) throw new TypeError(`${caller}: options.idempotency.${key} is unknown; use windowMs and store.`)
  }
  const { windowMs = DEFAULT_IDEMPOTENCY_WINDOW_MS, store } = given
  if (typeof windowMs !== 'number' || !Number.isFinite(windowMs) || windowMs <= 0 || windowMs > MAX_IDEMPOTENCY_WINDOW_MS) {
    throw new TypeError(
      `${caller}: options.idempotency.windowMs must be a number of milliseconds greater than 0 and at most ${MAX_IDEMPOTENCY_WINDOW_MS}, got ${String(windowMs)}.`,
    )
  }
  if (store !== undefined) assertProxyStore(store, 'idempotency.store', caller)
  return {
    windowMs,
    store: (store as StiggProxyStore | undefined) ?? cache?.store ?? createMemoryStore(),
    claimMs: timeoutMs + 1_000,
  }
}
