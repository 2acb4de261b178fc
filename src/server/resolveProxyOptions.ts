import { createSeedDialect } from './dialects/seed/createSeedDialect'
import { createStiggDialect } from './dialects/stigg/createStiggDialect'
import type { StiggDialect } from './dialects/StiggDialect'
import { resolveCacheOptions, type ResolvedCache } from './economy/resolveCacheOptions'
import type { StiggProxyOptions } from './types'

/** `allow` with every default filled in and every value checked. */
export interface ResolvedAllow {
  reportUsage: false | { maxValue: number }
  provisionCustomer: boolean
  introspection: boolean
}

export interface ResolvedProxyOptions {
  apiKey: string
  upstreamUrl: string
  identify: StiggProxyOptions['identify']
  dialect: StiggDialect
  allow: ResolvedAllow
  timeoutMs: number
  /** Undefined: createStiggProxy picks node:http(s) on Node, else the global fetch. */
  fetch: ((request: Request) => Promise<Response>) | undefined
  onEvent: StiggProxyOptions['onEvent']
  /** Undefined: no answer cache (identical reads in flight are still shared). */
  cache: ResolvedCache | undefined
}

const allowKeys = new Set(['reportUsage', 'provisionCustomer', 'introspection'])

/**
 * Checks options once, at creation, so a misconfigured proxy fails at startup instead of per request.
 * `caller` names the public function in error messages (`createStiggProxy` or `toNodeHandler`).
 */
export function resolveProxyOptions(options: StiggProxyOptions, caller = 'createStiggProxy'): ResolvedProxyOptions {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(`${caller}(options): options must be an object with apiKey, upstreamUrl and identify.`)
  }
  const { apiKey, upstreamUrl, identify, dialect = 'seed', allow = {}, timeoutMs = 10_000, onEvent } = options
  if (typeof apiKey !== 'string' || apiKey.trim() === '') {
    throw new TypeError(`${caller}: options.apiKey is missing; pass your Stigg Full-access key (server-side only).`)
  }
  if (typeof upstreamUrl !== 'string' || !/^https?:\/\//i.test(upstreamUrl) || !URL.canParse(upstreamUrl)) {
    throw new TypeError(
      `${caller}: options.upstreamUrl must be an absolute http(s) URL such as "https://api.stigg.io/graphql", got ${JSON.stringify(upstreamUrl)}.`,
    )
  }
  if (typeof identify !== 'function') {
    throw new TypeError(`${caller}: options.identify is missing; pass a function (request) => ({ customerId }) | null that reads your session.`)
  }
  if (typeof timeoutMs !== 'number' || !Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    throw new TypeError(`${caller}: options.timeoutMs must be a positive number of milliseconds, got ${String(timeoutMs)}.`)
  }
  if (options.fetch !== undefined && typeof options.fetch !== 'function') {
    throw new TypeError(`${caller}: options.fetch must be a function (request: Request) => Promise<Response>.`)
  }
  if (onEvent !== undefined && typeof onEvent !== 'function') {
    throw new TypeError(`${caller}: options.onEvent must be a function (event) => void.`)
  }
  return {
    apiKey,
    upstreamUrl,
    identify,
    dialect: resolveDialect(dialect, caller),
    allow: resolveAllow(allow, caller),
    timeoutMs,
    fetch: options.fetch,
    onEvent,
    cache: resolveCacheOptions(options.cache, caller),
  }
}

function resolveDialect(dialect: unknown, caller: string): StiggDialect {
  if (dialect === 'seed') return createSeedDialect()
  if (dialect === 'stigg') return createStiggDialect()
  throw new TypeError(`${caller}: options.dialect must be 'seed' or 'stigg', got ${JSON.stringify(dialect)}.`)
}

function resolveAllow(allow: unknown, caller: string): ResolvedAllow {
  if (typeof allow !== 'object' || allow === null) {
    throw new TypeError(`${caller}: options.allow must be an object like { reportUsage: { maxValue: 100 } }.`)
  }
  for (const key of Object.keys(allow)) {
    if (!allowKeys.has(key)) {
      throw new TypeError(`${caller}: options.allow.${key} is unknown; use reportUsage, provisionCustomer or introspection.`)
    }
  }
  const { reportUsage = false, provisionCustomer = false, introspection = false } = allow as Record<string, unknown>
  if (reportUsage !== false) {
    const maxValue = typeof reportUsage === 'object' && reportUsage !== null ? (reportUsage as { maxValue?: unknown }).maxValue : undefined
    if (typeof maxValue !== 'number' || !Number.isFinite(maxValue) || maxValue <= 0) {
      throw new TypeError(
        `${caller}: options.allow.reportUsage must be false or { maxValue: <positive number> }, got ${JSON.stringify(reportUsage)}.`,
      )
    }
  }
  for (const [name, value] of [['provisionCustomer', provisionCustomer], ['introspection', introspection]] as const) {
    if (typeof value !== 'boolean') throw new TypeError(`${caller}: options.allow.${name} must be a boolean.`)
  }
  return {
    reportUsage: reportUsage === false ? false : { maxValue: (reportUsage as { maxValue: number }).maxValue },
    provisionCustomer: provisionCustomer as boolean,
    introspection: introspection as boolean,
  }
}
