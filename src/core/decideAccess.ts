import type { Entitlement, EntitlementData, ResetPeriod } from './types'

/** Options of {@link decideAccess}. */
export interface DecideAccessOptions {
  /**
   * How much usage the caller is about to add. Pass 0 to ask "is the feature in the plan at all".
   * @default 1
   */
  requestedUsage?: number
}

const resetPeriods: Record<string, ResetPeriod> = {
  HOUR: 'HOUR',
  HOURLY: 'HOUR',
  DAY: 'DAY',
  DAILY: 'DAY',
  WEEK: 'WEEK',
  WEEKLY: 'WEEK',
  MONTH: 'MONTH',
  MONTHLY: 'MONTH',
  YEAR: 'YEAR',
  YEARLY: 'YEAR',
}

/** Seed `MONTHLY` and hosted `MONTH` both become `MONTH`; anything unknown becomes null. */
export function normaliseResetPeriod(value: string | null | undefined): ResetPeriod | null {
  return value == null ? null : (resetPeriods[value.toUpperCase()] ?? null)
}

function toDate(value: string | null): Date | null {
  if (value === null) return null
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? null : date
}

/**
 * Turns one cached `customerEntitlement` result into the client {@link Entitlement}: the
 * access decision of DESIGN.md.
 *
 * The emulator already reports `isGranted: false` with `RequestedUsageExceedingLimit` once
 * the limit is reached, so such a feature still counts as "in the plan" here, and the
 * decision is made again with the caller's `requestedUsage`.
 *
 * @example
 * decideAccess(data, { requestedUsage: 0 }).hasAccess // in the plan at all?
 */
export function decideAccess(data: EntitlementData, options: DecideAccessOptions = {}): Entitlement {
  const requestedUsage = options.requestedUsage ?? 1
  if (!Number.isFinite(requestedUsage) || requestedUsage < 0) {
    throw new RangeError(
      `react-stigg: requestedUsage for '${data.featureId}' must be a number >= 0, got ${String(options.requestedUsage)}.`,
    )
  }
  const inPlan = data.isGranted || data.accessDeniedReason === 'RequestedUsageExceedingLimit'
  const featureType = data.feature?.featureType
  const isBoolean = featureType === 'BOOLEAN' || (featureType === undefined && data.usageLimit === null && data.resetPeriod === null)
  const isUnlimited = inPlan && !isBoolean && data.usageLimit === null
  const base = {
    featureId: data.featureId,
    isGranted: inPlan,
    usageLimit: isBoolean ? null : data.usageLimit,
    currentUsage: data.currentUsage,
    requestedUsage,
    resetPeriod: normaliseResetPeriod(data.resetPeriod),
    usagePeriodEnd: toDate(data.usagePeriodEnd),
    isFallback: false,
    feature: data.feature,
  }
  if (!inPlan) {
    return {
      ...base,
      hasAccess: false,
      isUnlimited: false,
      remaining: data.usageLimit === null ? null : Math.max(0, data.usageLimit - data.currentUsage),
      accessDeniedReason: data.accessDeniedReason ?? 'Unknown',
    }
  }
  if (isBoolean || data.usageLimit === null) {
    return { ...base, hasAccess: true, isUnlimited, remaining: null, accessDeniedReason: null }
  }
  const hasAccess = data.currentUsage + requestedUsage <= data.usageLimit
  return {
    ...base,
    hasAccess,
    isUnlimited: false,
    remaining: Math.max(0, data.usageLimit - data.currentUsage),
    accessDeniedReason: hasAccess ? null : 'RequestedUsageExceedingLimit',
  }
}
