import type { Entitlement } from '../../core/types'
import { unitName, usageFormat } from './usageFormat'

/** What a meter shows, as one enumerated string (also its `data-state`). */
export type UsageMeterState = 'loading' | 'ok' | 'warning' | 'exceeded' | 'unlimited' | 'error'

export interface UsageMeterInput {
  entitlement: Entitlement | null
  isLoading: boolean
  isError: boolean
  /**
   * Fraction of the limit (0–1) from which the meter warns.
   * @default 0.8
   */
  warnAt?: number
  /** Append ", resets Dec 1" to the text when the period end is known. */
  showReset?: boolean
  locale: string | undefined
  /** Formats every number in the text; `Intl.NumberFormat(locale)` when omitted. */
  formatValue?: (value: number) => string
}

export interface UsageMeterValues {
  state: UsageMeterState
  /** Usage so far, never negative or NaN; null while loading or on error. */
  current: number | null
  /** The limit; null when unlimited, loading or on error. */
  limit: number | null
  /** 0–100, or null when there is no limit to be a percentage of. */
  percentage: number | null
  /** The sentence a person hears and reads, e.g. "720 of 1,000 API calls used, resets Dec 1". */
  valueText: string
  /** End of the current usage period, when Stigg knows it. */
  resetsAt: Date | null
  /** `aria-valuemax` / `aria-valuenow`: finite, and `valueNow` within [0, valueMax]. */
  valueMax: number
  valueNow: number
}

export const LOADING_TEXT = 'Loading usage…'
export const ERROR_TEXT = 'Usage unavailable'
export const NOT_IN_PLAN_TEXT = 'Not included in your plan'
/** @default 0.8 */
export const DEFAULT_WARN_AT = 0.8

const validDate = (value: Date | null): Date | null =>
  value instanceof Date && Number.isFinite(value.getTime()) ? value : null

/** The fraction at which to warn, forced into [0, 1]; anything unusable means the default. */
export function normalizeWarnAt(warnAt: number | undefined): number {
  if (warnAt === undefined || !Number.isFinite(warnAt)) return DEFAULT_WARN_AT
  return Math.min(1, Math.max(0, warnAt))
}

/**
 * Turns an entitlement into what a usage meter shows. Pure, and guarded: whatever arrives
 * (zero or negative limits, NaN, Infinity, usage over the limit) no NaN or Infinity comes out.
 *
 * - Unlimited (`usageLimit` null or Infinity): "Unlimited — 250,000 API calls used", no percentage.
 * - `current >= limit` is `exceeded` (a zero limit is always exceeded: nothing may be used), and the
 *   text says "limit reached" or "over limit by N", not only the colour.
 * - A feature outside the plan is `exceeded` with limit 0: "Not included in your plan".
 * - Stale data survives a failed refetch; a fallback entitlement does not (its usage is made up).
 */
export function computeUsageMeter(input: UsageMeterInput): UsageMeterValues {
  const { entitlement } = input
  const rawLimit = entitlement?.usageLimit
  // Positional on purpose: five shapes of one 8-field object, written once.
  const values = (
    state: UsageMeterState,
    current: number | null,
    limit: number | null,
    percentage: number | null,
    valueText: string,
    resetsAt: Date | null,
    valueMax: number,
    valueNow: number,
  ): UsageMeterValues => ({ state, current, limit, percentage, valueText, resetsAt, valueMax, valueNow })
  if (!entitlement || entitlement.isFallback || Number.isNaN(rawLimit)) {
    const state = input.isLoading && !Number.isNaN(rawLimit) ? 'loading' : 'error'
    // A meter needs a value; the text overrides it, so assistive tech never announces a made-up 0%.
    return values(state, null, null, null, state === 'loading' ? LOADING_TEXT : ERROR_TEXT, null, 100, 0)
  }

  const format = usageFormat(input.locale)
  const num = input.formatValue ?? format.number
  const units = (count: number) => unitName(entitlement.feature, format.plural(count))
  const current = Number.isFinite(entitlement.currentUsage) ? Math.max(0, entitlement.currentUsage) : 0
  const resetsAt = validDate(entitlement.usagePeriodEnd)
  const reset = input.showReset && resetsAt ? `, resets ${format.date(resetsAt)}` : ''

  if (!entitlement.isGranted) return values('exceeded', current, 0, 100, NOT_IN_PLAN_TEXT, resetsAt, 0, 0)

  if (rawLimit == null || rawLimit === Infinity) {
    // No limit to measure against: max = now keeps the meter valid, valueText says what it means.
    return values('unlimited', current, null, null, `Unlimited — ${num(current)} ${units(current)} used${reset}`, resetsAt, current, current)
  }

  const limit = Math.max(0, rawLimit)
  const requested = Number.isFinite(entitlement.requestedUsage) ? Math.max(0, entitlement.requestedUsage) : 0
  const over =
    current > limit ? `, over limit by ${num(current - limit)} ${units(current - limit)}` : current === limit ? ', limit reached' : ''
  return values(
    current >= limit ? 'exceeded' : current / limit >= normalizeWarnAt(input.warnAt) || current + requested > limit ? 'warning' : 'ok',
    current,
    limit,
    limit === 0 ? 100 : Math.min(100, (current / limit) * 100),
    `${num(current)} of ${num(limit)} ${units(limit)} used${over}${reset}`,
    resetsAt,
    limit,
    Math.min(current, limit),
  )
}
