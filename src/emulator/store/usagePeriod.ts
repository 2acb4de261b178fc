import type { CatalogResetPeriod } from '../Catalog'

const hour = 3_600_000
const fixedLengths: Partial<Record<CatalogResetPeriod, number>> = { HOURLY: hour, DAILY: 24 * hour, WEEKLY: 7 * 24 * hour }

/** `anchor` plus `months` calendar months (UTC), the day clamped to the target month's length. */
export function addMonths(anchor: Date, months: number): Date {
  const year = anchor.getUTCFullYear()
  const month = anchor.getUTCMonth() + months
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate()
  const result = new Date(anchor.getTime())
  result.setUTCFullYear(year, month, Math.min(anchor.getUTCDate(), lastDay))
  return result
}

export interface UsagePeriod {
  start: Date
  end: Date
}

/**
 * The usage period containing `now`, counted from `anchor` (the subscription start).
 * Month and year boundaries are always computed from the anchor, so Jan 31 → Feb 28 → Mar 31.
 * Before the anchor, the first period applies.
 */
export function usagePeriod(period: CatalogResetPeriod, anchor: Date, now: Date): UsagePeriod {
  const fixed = fixedLengths[period]
  if (fixed !== undefined) {
    const index = Math.max(0, Math.floor((now.getTime() - anchor.getTime()) / fixed))
    const start = anchor.getTime() + index * fixed
    return { start: new Date(start), end: new Date(start + fixed) }
  }
  const step = period === 'YEARLY' ? 12 : 1
  const months = (now.getUTCFullYear() - anchor.getUTCFullYear()) * 12 + (now.getUTCMonth() - anchor.getUTCMonth())
  let index = Math.max(0, Math.floor(months / step))
  // The month estimate can be one off either way (day and time of day); settle it.
  while (index > 0 && addMonths(anchor, index * step) > now) index--
  while (addMonths(anchor, (index + 1) * step) <= now) index++
  return { start: addMonths(anchor, index * step), end: addMonths(anchor, (index + 1) * step) }
}
