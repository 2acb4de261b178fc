import { describe, expect, it } from 'vitest'
import { createStiggClient, pickCurrentSubscription, StiggError, type SubscriptionData } from 'react-stigg'
import { createEmulator } from 'react-stigg/emulator'
// Internals: the rule itself and the plan gate's pure decision, which apps reach through <PlanGate>.
import { subscriptionGrants } from '../../src/core/subscriptionGrants'
import { decidePlanGate } from '../../src/components/gate/decidePlanGate'
import { grantRuleNow as now, grantRuleTable } from '../grantRuleTable'

const rows = grantRuleTable.map((row) => [row.name, row] as const)
const asDate = (iso: string | undefined) => (iso === undefined ? null : new Date(iso))

function emulatorWithTable() {
  // A fixed clock, so the table's boundaries are exact; only the table's customers exist.
  const emulator = createEmulator({ now: () => now, seed: false })
  grantRuleTable.forEach(({ status, startDate, endDate, trialEndDate }, i) => {
    emulator.admin.addCustomer({ customerId: `customer-${i}`, planId: 'plan-pro', status, startDate, endDate, trialEndDate })
  })
  const client = createStiggClient({
    url: 'http://emulator.test/graphql',
    headers: { 'x-api-key': emulator.apiKey },
    fetch: (input, init) => emulator.fetch(new Request(input, init)),
  })
  return { emulator, client }
}

describe('subscriptionGrants (core)', () => {
  it.each(rows)('%s', (_, row) => {
    expect(subscriptionGrants(row, now)).toBe(row.grants)
    expect(subscriptionGrants(row, now.getTime())).toBe(row.grants)
    const parsed = { status: row.status, startDate: asDate(row.startDate), endDate: asDate(row.endDate), trialEndDate: asDate(row.trialEndDate) }
    expect(subscriptionGrants(parsed, now)).toBe(row.grants)
  })

  it('treats a date that does not parse as absent, as the client does when it reads one', () => {
    expect(subscriptionGrants({ status: 'ACTIVE', endDate: 'not a date' }, now)).toBe(true)
    expect(subscriptionGrants({ status: 'CANCELED', endDate: 'not a date' }, now)).toBe(false)
  })
})

describe("the plan gate's check", () => {
  it.each(rows)('%s', (_, row) => {
    const subscription = { id: 's', plan: { id: 'plan-pro', name: 'Pro', description: null }, ...row }
    const decision = decidePlanGate({
      plans: ['plan-pro'],
      subscription: pickCurrentSubscription([{ ...subscription, startDate: row.startDate ?? null, endDate: row.endDate ?? null, trialEndDate: row.trialEndDate ?? null }], now),
      loading: false,
      error: false,
      idle: false,
      now,
    })
    expect(decision.status).toBe(row.grants ? 'granted' : 'denied')
    expect(decision.reason).toBe(row.grants ? null : 'NoActiveSubscription')
  })
})

describe('the emulator', () => {
  it('grants a plan feature exactly where the table does, and its subscriptions give the client the same answer', async () => {
    const { emulator, client } = emulatorWithTable()
    const answers = await Promise.all(
      grantRuleTable.map(async (row, i) => {
        const customerId = `customer-${i}`
        const entitlement = (await client.getEntitlements(customerId, ['feature-analytics']))['feature-analytics']
        if (entitlement instanceof StiggError) throw entitlement
        const subscriptions: SubscriptionData[] = await client.getSubscriptions(customerId)
        const current = pickCurrentSubscription(subscriptions, now)
        return {
          name: row.name,
          isGranted: entitlement?.isGranted,
          reason: entitlement?.accessDeniedReason,
          client: current === null ? null : subscriptionGrants(current, now),
        }
      }),
    )
    expect(answers).toEqual(
      grantRuleTable.map((row) => ({
        name: row.name,
        isGranted: row.grants,
        reason: row.grants ? null : 'NoActiveSubscription',
        client: row.grants,
      })),
    )
    // Every row went over the emulator's GraphQL endpoint.
    expect(emulator.requests.length).toBeGreaterThanOrEqual(grantRuleTable.length * 2)
  })
})
