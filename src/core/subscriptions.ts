import { subscriptionGrants } from './subscriptionGrants'
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

const startTime = (data: SubscriptionData) => toDate(data.startDate)?.getTime() ?? 0

/**
 * The subscription that decides the customer's plan: the newest one that grants its plan at
 * `now` ({@link subscriptionGrants}), else the newest; null when there is none.
 *
 * @example
 * useQuery({ ...subscriptionQueryOptions(context), select: (data) => pickCurrentSubscription(data) })
 */
export function pickCurrentSubscription(
  subscriptions: readonly SubscriptionData[],
  now: Date = new Date(),
): Subscription | null {
  const newestFirst = [...subscriptions].sort((a, b) => startTime(b) - startTime(a))
  const current = newestFirst.find((s) => subscriptionGrants(s, now)) ?? newestFirst[0]
  return current === undefined ? null : toSubscription(current)
}
