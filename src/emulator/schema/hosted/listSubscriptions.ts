import { EmulatorError } from '../../EmulatorError'
import type { EmulatorStore } from '../../store/EmulatorStore'
import { hostedStatus, hostedSubscription } from './hostedCustomerViews'

type Maybe<T> = T | null | undefined

interface Comparison {
  eq?: Maybe<string>
  in?: Maybe<string[]>
}

/** The arguments of hosted `subscriptions(filter, paging, sorting)` that the emulator honours. */
export interface SubscriptionsArgs {
  filter?: Maybe<{ customerId?: Maybe<Comparison>; status?: Maybe<Comparison> } & Record<string, unknown>>
  paging?: Maybe<{ first?: Maybe<number>; after?: Maybe<string>; before?: Maybe<string>; last?: Maybe<number> }>
  sorting?: Maybe<unknown[]>
}

const honoured = new Set(['customerId', 'status'])

function matches(value: string, comparison: Maybe<Comparison>): boolean {
  if (!comparison) return true
  return (comparison.eq == null || comparison.eq === value) && (comparison.in == null || comparison.in.includes(value))
}

/**
 * Hosted `subscriptions`: every customer's subscriptions, newest first, filtered by customer id
 * and status (`eq`, `in`), paged forward with `first`/`after` (the cursor is a subscription id).
 */
export function listSubscriptions(store: EmulatorStore, { filter, paging, sorting }: SubscriptionsArgs): Record<string, unknown> {
  const unsupported = Object.keys(filter ?? {}).filter((key) => filter?.[key] != null && !honoured.has(key))
  if (unsupported.length > 0 || sorting?.length || paging?.before != null || paging?.last != null) {
    throw new EmulatorError(
      'NOT_EMULATED',
      `subscriptions: the emulator filters by customerId and status and pages with first/after only; ${[...unsupported, sorting?.length ? 'sorting' : '', paging?.before != null || paging?.last != null ? 'before/last' : ''].filter(Boolean).join(', ')} is not emulated`,
    )
  }
  const now = store.now().getTime()
  const all = store
    .customers()
    .flatMap((customer) => customer.subscriptions.map((subscription) => ({ customer, subscription })))
    .filter(({ customer, subscription }) => matches(customer.id, filter?.customerId) && matches(hostedStatus(subscription, now), filter?.status))
    .sort((a, b) => Date.parse(b.subscription.startDate) - Date.parse(a.subscription.startDate))
  const start = paging?.after != null ? all.findIndex(({ subscription }) => subscription.id === paging.after) + 1 : 0
  if (paging?.after != null && start === 0) throw new EmulatorError('BAD_USER_INPUT', `subscriptions: unknown cursor "${paging.after}"`)
  const first = paging?.first ?? 20
  const page = all.slice(start, start + first)
  return {
    edges: page.map(({ customer, subscription }) => ({ cursor: subscription.id, node: hostedSubscription(store, customer, subscription) })),
    pageInfo: {
      startCursor: page[0]?.subscription.id ?? null,
      endCursor: page[page.length - 1]?.subscription.id ?? null,
      hasNextPage: start + first < all.length,
      hasPreviousPage: start > 0,
    },
    totalCount: all.length,
  }
}
