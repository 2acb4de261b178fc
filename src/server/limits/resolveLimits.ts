import { createMemoryStore } from '../store/createMemoryStore'
import type { StiggProxyStore } from '../store/StiggProxyStore'
import { DEFAULT_MAX_FIELDS } from '../firewall/compileOperation'
import { assertProxyStore } from '../store/assertProxyStore'

/** `options.limits` with every default filled in and every value checked. */
export interface ResolvedLimits {
  maxFields: number
  /** Undefined: no bound. */
  concurrent: number | undefined
  perMinute: number | undefined
  bodyTimeoutMs: number
  store: StiggProxyStore
}

export const DEFAULT_CONCURRENT = 16
export const DEFAULT_BODY_TIMEOUT_MS = 10_000

const limitKeys = new Set(['maxFields', 'concurrent', 'perMinute', 'bodyTimeoutMs', 'store'])

/** Checks `options.limits` once, at creation: a bad value throws at startup, never per request. */
export function resolveLimits(limits: unknown, cacheStore: StiggProxyStore | undefined, caller: string): ResolvedLimits {
  if (limits === undefined) limits = {}
  if (typeof limits !== 'object' || limits === null) {
    throw new TypeError(`${caller}: options.limits must be an object like { maxFields: 3000, concurrent: 16, perMinute: 600 }.`)
  }
  for (const key of Object.keys(limits)) {
    if (!limitKeys.has(key)) throw new TypeError(`${caller}: options.limits.${key} is unknown; use ${[...limitKeys].join(', ')}.`)
  }
  const { maxFields = DEFAULT_MAX_FIELDS, concurrent = DEFAULT_CONCURRENT, perMinute = false, bodyTimeoutMs = DEFAULT_BODY_TIMEOUT_MS, store } = limits as Record<string, unknown>
  const whole = (name: string, value: unknown, allowFalse: boolean): number | undefined => {
    if (allowFalse && value === false) return undefined
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
      throw new TypeError(`${caller}: options.limits.${name} must be a whole number ≥ 1${allowFalse ? ' or false' : ''}, got ${String(value)}.`)
    }
    return value
  }
  if (typeof bodyTimeoutMs !== 'number' || !Number.isFinite(bodyTimeoutMs) || bodyTimeoutMs <= 0) {
    throw new TypeError(`${caller}: options.limits.bodyTimeoutMs must be a positive number of milliseconds, got ${String(bodyTimeoutMs)}.`)
  }
  if (store !== undefined) assertProxyStore(store, 'limits.store', caller)
  return {
    maxFields: whole('maxFields', maxFields, false) as number,
    concurrent: whole('concurrent', concurrent, true),
    perMinute: whole('perMinute', perMinute, true),
    bodyTimeoutMs,
    store: (store as StiggProxyStore | undefined) ?? cacheStore ?? createMemoryStore(),
  }
}
