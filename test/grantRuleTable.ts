// The subscription-grant rule (DESIGN.md, Subscription statuses) as a table: every side that
// decides access from a subscription (core's `subscriptionGrants`, the gate, the emulator) must
// give these answers. Shared by test/core/subscriptionGrants.test.ts and emulator tests.

export type GrantRuleStatus = 'ACTIVE' | 'TRIAL' | 'PAUSED' | 'CANCELED'

export interface GrantRuleRow {
  name: string
  status: GrantRuleStatus
  /** ISO instants; absent means "not set" (the emulator then starts the subscription at `grantRuleNow`). */
  startDate?: string
  endDate?: string
  trialEndDate?: string
  grants: boolean
}

export const grantRuleNow = new Date('2030-06-15T12:00:00.000Z')

const at = (ms: number) => new Date(grantRuleNow.getTime() + ms).toISOString()
const day = 86_400_000
const past = at(-30 * day)
const yesterday = at(-day)
const tomorrow = at(day)
const later = at(30 * day)
const now = grantRuleNow.toISOString()

export const grantRuleTable: readonly GrantRuleRow[] = [
  // ACTIVE
  { name: 'ACTIVE without endDate', status: 'ACTIVE', startDate: past, grants: true },
  { name: 'ACTIVE without startDate', status: 'ACTIVE', grants: true },
  { name: 'ACTIVE before its endDate', status: 'ACTIVE', startDate: past, endDate: tomorrow, grants: true },
  { name: 'ACTIVE past its endDate', status: 'ACTIVE', startDate: past, endDate: yesterday, grants: false },
  { name: 'ACTIVE at exactly its endDate', status: 'ACTIVE', startDate: past, endDate: now, grants: false },
  { name: 'ACTIVE one ms before its endDate', status: 'ACTIVE', startDate: past, endDate: at(1), grants: true },
  { name: 'ACTIVE starting tomorrow', status: 'ACTIVE', startDate: tomorrow, grants: false },
  { name: 'ACTIVE starting one ms from now', status: 'ACTIVE', startDate: at(1), grants: false },
  { name: 'ACTIVE starting exactly now', status: 'ACTIVE', startDate: now, grants: true },
  // TRIAL
  { name: 'TRIAL without trialEndDate', status: 'TRIAL', startDate: past, grants: true },
  { name: 'TRIAL before its trialEndDate', status: 'TRIAL', startDate: past, trialEndDate: tomorrow, grants: true },
  { name: 'TRIAL past its trialEndDate', status: 'TRIAL', startDate: past, trialEndDate: yesterday, grants: false },
  { name: 'TRIAL at exactly its trialEndDate', status: 'TRIAL', startDate: past, trialEndDate: now, grants: false },
  { name: 'TRIAL in trial but past its endDate', status: 'TRIAL', startDate: past, trialEndDate: later, endDate: yesterday, grants: false },
  { name: 'TRIAL in trial and before its endDate', status: 'TRIAL', startDate: past, trialEndDate: tomorrow, endDate: later, grants: true },
  { name: 'TRIAL at exactly its endDate', status: 'TRIAL', startDate: past, endDate: now, grants: false },
  { name: 'TRIAL starting tomorrow', status: 'TRIAL', startDate: tomorrow, trialEndDate: later, grants: false },
  { name: 'TRIAL starting exactly now', status: 'TRIAL', startDate: now, trialEndDate: later, grants: true },
  // CANCELED
  { name: 'CANCELED with a future endDate', status: 'CANCELED', startDate: past, endDate: tomorrow, grants: true },
  { name: 'CANCELED with a past endDate', status: 'CANCELED', startDate: past, endDate: yesterday, grants: false },
  { name: 'CANCELED at exactly its endDate', status: 'CANCELED', startDate: past, endDate: now, grants: false },
  { name: 'CANCELED without endDate', status: 'CANCELED', startDate: past, grants: false },
  { name: 'CANCELED starting tomorrow', status: 'CANCELED', startDate: tomorrow, endDate: later, grants: false },
  // PAUSED
  { name: 'PAUSED', status: 'PAUSED', startDate: past, grants: false },
  { name: 'PAUSED before its endDate', status: 'PAUSED', startDate: past, endDate: later, grants: false },
  { name: 'PAUSED starting tomorrow', status: 'PAUSED', startDate: tomorrow, grants: false },
]
