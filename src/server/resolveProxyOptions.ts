import { createSeedDialect } from './dialects/seed/createSeedDialect'
import { createStiggDialect } from './dialects/stigg/createStiggDialect'
import type { StiggDialect } from './dialects/StiggDialect'
import { resolveCacheOptions, type ResolvedCache } from './economy/resolveCacheOptions'
import type { StiggProxyOptions } from './types'

/** `allow` with every default filled in and every value checked. */
export interface ResolvedAllow {
  reportUsage: false | { maxValue: number; minValue: number }
  /** `plans`: the plans a browser may start (empty: provisioning without a subscription only). */
  provisionCustomer: false | { plans: ReadonlySet<string>; trial: boolean }
  introspection: boolean
}

/** The smallest usage value accepted by default: `5e-324` and other dust are refused. */
export const DEFAULT_MIN_USAGE_VALUE = 1e-6

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
  exposeUpstreamErrors: boolean
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
  const { exposeUpstreamErrors = false } = options
  if (typeof exposeUpstreamErrors !== 'boolean') {
    throw new TypeError(`${caller}: options.exposeUpstreamErrors must be a boolean, got ${JSON.stringify(exposeUpstreamErrors)}.`)
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
    exposeUpstreamErrors,
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
  if (typeof introspection !== 'boolean') throw new TypeError(`${caller}: options.allow.introspection must be a boolean.`)
  return {
    reportUsage: resolveReportUsage(reportUsage, caller),
    provisionCustomer: resolveProvisioning(provisionCustomer, caller),
    introspection,
  }
}

function resolveReportUsage(reportUsage: unknown, caller: string): ResolvedAllow['reportUsage'] {
  if (reportUsage === false) return false
  const { maxValue, minValue = DEFAULT_MIN_USAGE_VALUE } =
    typeof reportUsage === 'object' && reportUsage !== null ? (reportUsage as { maxValue?: unknown; minValue?: unknown }) : {}
  if (typeof maxValue !== 'number' || !Number.isFinite(maxValue) || maxValue <= 0) {
    throw new TypeError(
      `${caller}: options.allow.reportUsage must be false or { maxValue: <positive number>, minValue?: <positive number> }, got ${JSON.stringify(reportUsage)}.`,
    )
  }
  if (typeof minValue !== 'number' || !Number.isFinite(minValue) || minValue <= 0 || minValue > maxValue) {
    throw new TypeError(`${caller}: options.allow.reportUsage.minValue must be a number > 0 and ≤ maxValue (${maxValue}), got ${String(minValue)}.`)
  }
  return { maxValue, minValue }
}

function resolveProvisioning(provisionCustomer: unknown, caller: string): ResolvedAllow['provisionCustomer'] {
  if (provisionCustomer === false) return false
  if (provisionCustomer === true) return { plans: new Set(), trial: false }
  const { plans, trial = false } =
    typeof provisionCustomer === 'object' && provisionCustomer !== null ? (provisionCustomer as { plans?: unknown; trial?: unknown }) : {}
  if (!Array.isArray(plans) || plans.some((plan) => typeof plan !== 'string' || plan === '') || typeof trial !== 'boolean') {
    throw new TypeError(
      `${caller}: options.allow.provisionCustomer must be a boolean or { plans: ['plan-id', …], trial?: boolean }, got ${JSON.stringify(provisionCustomer)}.`,
    )
  }
  return { plans: new Set(plans as string[]), trial }
}
