import type { SubscriptionStatus } from './types'

/** A date as subscriptions carry it: parsed, an ISO string (cache, emulator store), or absent. */
export type SubscriptionDateInput = Date | string | null | undefined

/** What {@link subscriptionGrants} reads of a subscription; client, emulator and hosted shapes all fit. */
export interface SubscriptionGrantInput {
  status: SubscriptionStatus
  startDate?: SubscriptionDateInput
  endDate?: SubscriptionDateInput
  trialEndDate?: SubscriptionDateInput
}

// Milliseconds, or null when absent. An unparsable date counts as absent, as `toDate` does.
function instant(value: SubscriptionDateInput): number | null {
  if (value === null || value === undefined) return null
  const ms = typeof value === 'string' ? Date.parse(value) : value.getTime()
  return Number.isNaN(ms) ? null : ms
}

const before = (now: number, limit: SubscriptionDateInput) => {
  const ms = instant(limit)
  return ms === null || now < ms
}

/**
 * Whether a subscription grants its plan's entitlements at `now`: the one rule (DESIGN.md,
 * Subscription statuses) that the emulator, the client and the hosted mapping all use.
 * It must have started (`startDate <= now`), and then:
 * - ACTIVE: no `endDate`, or `now < endDate`;
 * - TRIAL: (no `trialEndDate`, or `now < trialEndDate`) and (no `endDate`, or `now < endDate`);
 * - CANCELED: an `endDate` and `now < endDate` (canceled at period end);
 * - PAUSED: never.
 *
 * @example
 * subscriptionGrants({ status: 'CANCELED', endDate: '2030-07-01T00:00:00Z' }, new Date('2030-06-15')) // true
 */
export function subscriptionGrants(subscription: SubscriptionGrantInput, now: Date | number): boolean {
  const at = typeof now === 'number' ? now : now.getTime()
  const start = instant(subscription.startDate)
  if (start !== null && start > at) return false
  switch (subscription.status) {
    case 'ACTIVE':
      return before(at, subscription.endDate)
    case 'TRIAL':
      return before(at, subscription.trialEndDate) && before(at, subscription.endDate)
    case 'CANCELED':
      return instant(subscription.endDate) !== null && before(at, subscription.endDate)
    default:
      // PAUSED, and any status a newer upstream adds: no grant until someone decides otherwise.
      return false
  }
}
