import { createMemoryStore } from '../store/createMemoryStore'
import type { StiggProxyStore } from '../store/StiggProxyStore'
import { assertProxyStore } from '../store/assertProxyStore'

/**
 * The longest `cache.ttlMs` accepted. The cache is invalidated by usage reports and
 * provisioning that pass through the proxy, but not by changes made elsewhere (Stigg's
 * dashboard, your backend, billing webhooks): those show after at most `ttlMs`, so it stays short.
 */
export const MAX_CACHE_TTL_MS = 60_000

/** The proxy's answer cache, checked and with its store chosen. */
export interface ResolvedCache {
  ttlMs: number
  store: StiggProxyStore
}

const cacheKeys = new Set(['ttlMs', 'store'])

/** Checks `options.cache` once, at creation: a bad value throws at startup, never per request. */
export function resolveCacheOptions(cache: unknown, caller: string): ResolvedCache | undefined {
  if (cache === undefined || cache === false) return undefined
  if (typeof cache !== 'object' || cache === null) {
    throw new TypeError(`${caller}: options.cache must be false or { ttlMs, store? }, got ${JSON.stringify(cache)}.`)
  }
  for (const key of Object.keys(cache)) {
    if (!cacheKeys.has(key)) throw new TypeError(`${caller}: options.cache.${key} is unknown; use ttlMs and store.`)
  }
  const { ttlMs, store } = cache as { ttlMs?: unknown; store?: unknown }
  if (typeof ttlMs !== 'number' || !Number.isFinite(ttlMs) || ttlMs <= 0 || ttlMs > MAX_CACHE_TTL_MS) {
    throw new TypeError(
      `${caller}: options.cache.ttlMs must be a number of milliseconds greater than 0 and at most ${MAX_CACHE_TTL_MS}, got ${String(ttlMs)}.`,
    )
  }
  if (store !== undefined) assertProxyStore(store, 'cache.store', caller)
  return { ttlMs, store: (store as StiggProxyStore | undefined) ?? createMemoryStore() }
}
