// The emulator's side of the subscription-grant table (test/grantRuleTable.ts): the same rows the
// client's `subscriptionGrants` passes, answered by a real emulator over HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator, type RunningEmulator } from 'react-stigg/emulator'
import { grantRuleNow, grantRuleTable } from '../grantRuleTable'

const check = `query Check($customerId: String!, $featureId: String!) {
  customerEntitlement(customerId: $customerId, featureId: $featureId) { isGranted accessDeniedReason }
}`

let running: RunningEmulator
beforeAll(async () => {
  running = await startEmulator({ apiKey: 'grant-key', now: () => grantRuleNow })
})
afterAll(() => running.close())

describe('the emulator follows the subscription-grant table', () => {
  it.each(grantRuleTable.map((row, i) => [row.name, row, `grant-${i}`] as const))('%s', async (_name, row, customerId) => {
    const { status, startDate, endDate, trialEndDate } = row
    running.emulator.admin.addCustomer({
      customerId,
      planId: 'plan-pro',
      status,
      ...(startDate === undefined ? {} : { startDate }),
      endDate: endDate ?? null,
      trialEndDate: trialEndDate ?? null,
    })
    const response = await fetch(running.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': 'grant-key' },
      body: JSON.stringify({ query: check, variables: { customerId, featureId: 'feature-analytics' } }),
    })
    const json = (await response.json()) as { data?: { customerEntitlement: { isGranted: boolean; accessDeniedReason: string | null } } }
    expect(json.data?.customerEntitlement).toEqual(
      row.grants ? { isGranted: true, accessDeniedReason: null } : { isGranted: false, accessDeniedReason: 'NoActiveSubscription' },
    )
  })
})
