import { toDate } from './toDate'
import type { Subscription, SubscriptionData } from './types'

/** Dates parsed: the cache keeps ISO strings so it stays plain JSON (SSR dehydration). */
export function toSubscription(data: SubscriptionData): Subscription {
  return {
    ...data,
    startDate: toDate(data.startDate),
    endDate: toDate(data.endDate),
    trialEndDate: toDate(data.trialEndDate),
  }
}

/**
 * Whether a subscription grants its plan's entitlements (DESIGN.md): ACTIVE and TRIAL do, a
 * CANCELED one until its `endDate` passes, a PAUSED one never.
 */
export function subscriptionGrants({ status, endDate }: Pick<Subscription, 'status' | 'endDate'>, now: Date): boolean {
  return status === 'ACTIVE' || status === 'TRIAL' || (status === 'CANCELED' && !(endDate && endDate <= now))
}

const startTime = (data: SubscriptionData) => toDate(data.startDate)?.getTime() ?? 0

/**
 * The subscription that decides the customer's plan: an ACTIVE or TRIAL one, else a
 * CANCELED one still in its period, else the newest; null when there is none.
 */
export function pickCurrentSubscription(
  subscriptions: readonly SubscriptionData[],
  now: Date = new Date(),
): Subscription | null {
  const newestFirst = [...subscriptions].sort((a, b) => startTime(b) - startTime(a))
  const current =
    newestFirst.find((s) => s.status === 'ACTIVE' || s.status === 'TRIAL') ??
    newestFirst.find((s) => subscriptionGrants({ status: s.status, endDate: toDate(s.endDate) }, now)) ??
    newestFirst[0]
  return current === undefined ? null : toSubscription(current)
}
