import type { EntitlementData } from './types'

/**
 * The entitlement as it will be once `currentUsage` is `usage`: denied with
 * `RequestedUsageExceedingLimit` at the limit (as the emulator reports it), granted again
 * below it. Features not in the plan only get the new number.
 */
export function withUsage(data: EntitlementData, usage: number): EntitlementData {
  const inPlan = data.isGranted || data.accessDeniedReason === 'RequestedUsageExceedingLimit'
  if (!inPlan || data.usageLimit === null) return { ...data, currentUsage: usage }
  const reached = usage >= data.usageLimit
  return {
    ...data,
    currentUsage: usage,
    isGranted: !reached,
    accessDeniedReason: reached ? 'RequestedUsageExceedingLimit' : null,
  }
}

/** The optimistic view of reporting `value` more usage. */
export function applyUsage(data: EntitlementData, value: number): EntitlementData {
  return withUsage(data, data.currentUsage + value)
}
