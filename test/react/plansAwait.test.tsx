import { act, renderHook, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { describePlans, useAwaitEntitlement, type PlanData } from 'react-stigg'
import { createTestStigg } from 'react-stigg/testing'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('useAwaitEntitlement lifecycle', () => {
  it('is idle when not enabled or signed out, and BAD_INPUT for a bad timeout', async () => {
    const stigg = createTestStigg({ customerId: 'customer-free' })
    const idle = renderHook(() => useAwaitEntitlement('feature-analytics', { enabled: false }), { wrapper: stigg.wrapper })
    const signedOut = renderHook(() => useAwaitEntitlement('feature-analytics'), {
      wrapper: ({ children }) => <stigg.Provider customerId={null}>{children}</stigg.Provider>,
    })
    const bad = renderHook(() => useAwaitEntitlement('feature-analytics', { timeoutMs: 0 }), { wrapper: stigg.wrapper })
    await waitFor(() => expect(bad.result.current.status).toBe('error'))
    expect(bad.result.current.error?.code).toBe('BAD_INPUT')
    expect(idle.result.current.status).toBe('idle')
    expect(signedOut.result.current.status).toBe('idle')
    expect(stigg.emulator.requests.filter((r) => r.operationName === 'StiggEntitlements')).toHaveLength(0)
  })

  it('stops polling on unmount', async () => {
    const stigg = createTestStigg({ customerId: 'customer-free' })
    const { result, unmount } = renderHook(() => useAwaitEntitlement('feature-analytics', { timeoutMs: 10_000 }), { wrapper: stigg.wrapper })
    await waitFor(() => expect(stigg.emulator.requests.length).toBeGreaterThan(1))
    expect(result.current.status).toBe('waiting')
    unmount()
    const count = stigg.emulator.requests.length
    await sleep(800)
    expect(stigg.emulator.requests.length).toBe(count)
  })

  it('starts over for a new customer, never showing the previous one’s result', async () => {
    const stigg = createTestStigg({ customerId: 'customer-free' })
    let customerId = 'customer-free'
    const { result, rerender } = renderHook(() => useAwaitEntitlement('feature-analytics', { timeoutMs: 10_000 }), {
      wrapper: ({ children }) => <stigg.Provider customerId={customerId}>{children}</stigg.Provider>,
    })
    expect(result.current.status).toBe('waiting')
    customerId = 'customer-pro'
    rerender()
    await waitFor(() => expect(result.current.status).toBe('granted'))
    expect(result.current.entitlement?.hasAccess).toBe(true)
    const asked = () => stigg.emulator.requests.filter((r) => JSON.stringify(r.variables).includes('customer-free')).length
    const before = asked()
    await sleep(800)
    // The free customer's wait ended with the switch.
    expect(asked()).toBe(before)
    customerId = 'customer-free'
    rerender()
    expect(result.current.status).toBe('waiting')
  })

  it('restart() waits again after a timeout', async () => {
    const stigg = createTestStigg({ customerId: 'customer-free' })
    const { result } = renderHook(() => useAwaitEntitlement('feature-analytics', { timeoutMs: 300 }), { wrapper: stigg.wrapper })
    await waitFor(() => expect(result.current.error?.code).toBe('TIMEOUT'))
    stigg.emulator.admin.setSubscription('customer-free', { planId: 'plan-pro' })
    act(() => result.current.restart())
    expect(result.current.status).toBe('waiting')
    await waitFor(() => expect(result.current.status).toBe('granted'))
  })
})

describe('describePlans', () => {
  const feature = (featureId: string, featureType: 'BOOLEAN' | 'METERED' | 'NUMERIC', usageLimit: number | null, isUnlimited = false) => ({
    featureId,
    feature: { id: featureId, displayName: featureId, featureType, units: null, unitsPlural: null },
    isUnlimited,
    usageLimit: featureType === 'METERED' ? usageLimit : null,
    value: featureType === 'NUMERIC' ? usageLimit : null,
    resetPeriod: featureType === 'METERED' ? ('MONTHLY' as const) : null,
  })
  const plans: PlanData[] = [
    { id: 'a', name: 'A', description: null, prices: [], features: [feature('calls', 'METERED', 10), feature('seats', 'NUMERIC', 5)] },
    {
      id: 'b',
      name: 'B',
      description: null,
      prices: [
        { amount: 490, currency: 'USD', billingPeriod: 'ANNUALLY' },
        { amount: 49, currency: 'USD', billingPeriod: 'MONTHLY' },
      ],
      features: [feature('calls', 'METERED', 10), feature('seats', 'NUMERIC', null, true), feature('sso', 'BOOLEAN', null)],
    },
  ]

  it('marks current, upgrades and downgrades by display order, and lists real gains only', () => {
    const fromA = describePlans(plans, 'a')
    expect(fromA.map((plan) => plan.state)).toEqual(['current', 'upgrade'])
    expect(fromA[1]!.adds.map((f) => f.featureId)).toEqual(['seats', 'sso'])
    expect(fromA[1]!.price).toEqual({ amount: 49, currency: 'USD', billingPeriod: 'MONTHLY' })
    expect(fromA[0]!.features[0]!.resetPeriod).toBe('MONTH')
    const fromB = describePlans(plans, 'b')
    expect(fromB.map((plan) => plan.state)).toEqual(['downgrade', 'current'])
    expect(fromB[0]!.adds).toEqual([])
  })

  it('without a current plan (or one outside the catalog) every plan is an upgrade that adds all it has', () => {
    for (const current of [null, 'gone']) {
      const described = describePlans(plans, current)
      expect(described.map((plan) => [plan.state, plan.isCurrent, plan.adds.length])).toEqual([
        ['upgrade', false, 2],
        ['upgrade', false, 3],
      ])
    }
  })
})
