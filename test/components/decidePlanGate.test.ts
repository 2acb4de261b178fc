import { describe, expect, it } from 'vitest'
import { PLAN_MISMATCH } from 'react-stigg'
import type { Subscription } from '../../src/core/types'
// Internal: the pure decision behind <PlanGate>, table-tested without React.
import { decidePlanGate, type PlanGateInput } from '../../src/components/gate/decidePlanGate'

const now = new Date('2025-06-15T12:00:00Z')

function subscription(planId: string, overrides: Partial<Subscription> = {}): Subscription {
  return {
    id: 'sub-1',
    status: 'ACTIVE',
    plan: { id: planId, name: planId, description: null },
    startDate: null,
    endDate: null,
    trialEndDate: null,
    ...overrides,
  }
}

function input(overrides: Partial<PlanGateInput>): PlanGateInput {
  return { plans: ['plan-pro'], subscription: null, loading: false, error: false, idle: false, now, ...overrides }
}

describe('decidePlanGate', () => {
  it('grants a current plan in the list and names the mismatch otherwise', () => {
    const pro = subscription('plan-pro')
    expect(decidePlanGate(input({ plans: ['plan-pro', 'plan-enterprise'], subscription: pro }))).toEqual({
      status: 'granted',
      hasAccess: true,
      reason: null,
    })
    expect(decidePlanGate(input({ plans: ['plan-enterprise'], subscription: pro }))).toEqual({
      status: 'denied',
      hasAccess: false,
      reason: PLAN_MISMATCH,
    })
    expect(PLAN_MISMATCH).toBe('PlanMismatch')
  })

  it('stays loading until the subscription is known, and denies when there is none', () => {
    expect(decidePlanGate(input({ loading: true })).status).toBe('loading')
    expect(decidePlanGate(input({}))).toMatchObject({ status: 'denied', reason: 'NoActiveSubscription' })
  })

  it('is closed with no reason, not pending, when nothing is known and nothing is coming', () => {
    expect(decidePlanGate(input({ idle: true }))).toEqual({ status: 'denied', hasAccess: false, reason: null })
    // Idle still answers from what the cache holds.
    expect(decidePlanGate(input({ idle: true, subscription: subscription('plan-pro') })).status).toBe('granted')
  })

  it('stops trusting a subscription kept from before a failed refetch', () => {
    expect(decidePlanGate(input({ error: true }))).toMatchObject({ status: 'error', hasAccess: false, reason: null })
    expect(decidePlanGate(input({ error: true, subscription: subscription('plan-pro') })).status).toBe('error')
  })

  it('does not let a paused or ended subscription pass', () => {
    expect(decidePlanGate(input({ subscription: subscription('plan-pro', { status: 'PAUSED' }) })).reason).toBe('NoActiveSubscription')
    const ended = subscription('plan-pro', { status: 'CANCELED', endDate: new Date('2025-06-01T00:00:00Z') })
    expect(decidePlanGate(input({ subscription: ended }))).toMatchObject({ status: 'denied', reason: 'NoActiveSubscription' })
    const inPeriod = subscription('plan-pro', { status: 'CANCELED', endDate: new Date('2025-07-01T00:00:00Z') })
    expect(decidePlanGate(input({ subscription: inPeriod })).status).toBe('granted')
    expect(decidePlanGate(input({ subscription: subscription('plan-pro', { status: 'TRIAL' }) })).status).toBe('granted')
    const notStarted = subscription('plan-pro', { startDate: new Date('2025-07-01T00:00:00Z') })
    expect(decidePlanGate(input({ subscription: notStarted })).status).toBe('denied')
  })
})
