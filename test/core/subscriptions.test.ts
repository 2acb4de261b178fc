import { describe, expect, it } from 'vitest'
import { pickCurrentSubscription, type SubscriptionData } from 'react-stigg'

const sub = (id: string, status: SubscriptionData['status'], startDate: string, endDate: string | null = null): SubscriptionData => ({
  id,
  status,
  plan: { id: `plan-${id}`, name: id, description: null },
  startDate,
  endDate,
  trialEndDate: null,
})
const now = new Date('2030-06-15T00:00:00Z')

describe('pickCurrentSubscription', () => {
  it('prefers an active or trial subscription over newer ones', () => {
    const picked = pickCurrentSubscription(
      [sub('old-active', 'ACTIVE', '2030-01-01T00:00:00Z'), sub('new-paused', 'PAUSED', '2030-06-01T00:00:00Z')],
      now,
    )
    expect(picked?.id).toBe('old-active')
    expect(picked?.startDate).toEqual(new Date('2030-01-01T00:00:00Z'))
  })

  it('takes a canceled one still in its period next, then the newest', () => {
    const inPeriod = sub('canceled', 'CANCELED', '2030-01-01T00:00:00Z', '2030-07-01T00:00:00Z')
    const ended = sub('ended', 'CANCELED', '2030-05-01T00:00:00Z', '2030-06-01T00:00:00Z')
    const paused = sub('paused', 'PAUSED', '2030-06-10T00:00:00Z')
    expect(pickCurrentSubscription([paused, ended, inPeriod], now)?.id).toBe('canceled')
    expect(pickCurrentSubscription([ended, paused], now)?.id).toBe('paused')
  })

  it('is null without subscriptions', () => {
    expect(pickCurrentSubscription([], now)).toBeNull()
  })
})
