import { StiggError } from './StiggError'
import { toDate } from './toDate'
import type { Entitlement, EntitlementData, ResetPeriod } from './types'

/** Options of {@link decideAccess}. */
export interface DecideAccessOptions {
  /**
   * How much usage the caller is about to add. Pass 0 to ask "is the feature in the plan at all".
   * @default 1
   */
  requestedUsage?: number
  /**
   * Also require a numeric feature's configured value to be at least this (e.g. 10 seats); an
   * unlimited feature always meets it, a feature with no value never does. Not finite: `BAD_INPUT`.
   */
  minValue?: number
}

/** Seed `MONTHLY` and hosted `MONTH` both become `MONTH`; anything unknown becomes null. */
export function normaliseResetPeriod(value: string | null | undefined): ResetPeriod | null {
  const upper = value?.toUpperCase()
  // Seed names are the hosted ones plus "LY" (DAILY is the one irregular form).
  const period = upper === 'DAILY' ? 'DAY' : upper?.replace(/LY$/, '')
  return (['HOUR', 'DAY', 'WEEK', 'MONTH', 'YEAR'] as const).find((known) => known === period) ?? null
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
      process.env.NODE_ENV !== 'production'
        ? `react-stigg: requestedUsage for '${data.featureId}' must be a number >= 0, got ${String(options.requestedUsage)}.`
        : 'react-stigg: requestedUsage',
    )
  }
  const { minValue } = options
  if (minValue !== undefined && !Number.isFinite(minValue)) {
    throw new StiggError(
      process.env.NODE_ENV !== 'production' ? `react-stigg: minValue for '${data.featureId}' must be a finite number, got ${String(minValue)}.` : '',
      { code: 'BAD_INPUT' },
    )
  }
  const inPlan = data.isGranted || data.accessDeniedReason === 'RequestedUsageExceedingLimit'
  const featureType = data.feature?.featureType
  // A numeric feature is a configured value, not a meter: in the plan means access, like a boolean.
  const isNumeric = featureType === 'NUMERIC'
  const isBoolean = featureType === 'BOOLEAN' || isNumeric || (featureType === undefined && data.usageLimit === null && data.resetPeriod === null)
  const limit = data.usageLimit
  // Unlimited, boolean or not in the plan: nothing left to count down.
  const remaining = limit === null || (inPlan && isBoolean) ? null : Math.max(0, limit - data.currentUsage)
  const isUnlimited = inPlan && (isNumeric ? data.value == null : !isBoolean && limit === null)
  const enoughValue = minValue === undefined || isUnlimited || (data.value ?? -Infinity) >= minValue
  const hasAccess = inPlan && enoughValue && (isBoolean || limit === null || data.currentUsage + requestedUsage <= limit)
  return {
    featureId: data.featureId,
    isGranted: inPlan,
    hasAccess,
    isUnlimited,
    usageLimit: isBoolean ? null : limit,
    currentUsage: data.currentUsage,
    remaining,
    requestedUsage,
    resetPeriod: normaliseResetPeriod(data.resetPeriod),
    usagePeriodEnd: toDate(data.usagePeriodEnd),
    // Hosted Stigg's name for a configured value that does not meet the request.
    accessDeniedReason: hasAccess ? null : !inPlan ? (data.accessDeniedReason ?? 'Unknown') : enoughValue ? 'RequestedUsageExceedingLimit' : 'RequestedValuesMismatch',
    isFallback: false,
    feature: data.feature,
    // Upstreams send a value only for numeric features.
    value: inPlan ? (data.value ?? null) : null,
  }
}
