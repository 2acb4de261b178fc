import { describe, expect, it } from 'vitest'
import type { Entitlement, Subscription } from '../../src/core/types'
import { decideGate, PLAN_MISMATCH, type GateInput } from '../../src/components/gate/decideGate'

const now = new Date('2025-06-15T12:00:00Z')

function entitlement(featureId: string, overrides: Partial<Entitlement> = {}): Entitlement {
  return {
    featureId,
    isGranted: true,
    hasAccess: true,
    isUnlimited: false,
    usageLimit: null,
    currentUsage: 0,
    remaining: null,
    requestedUsage: 1,
    resetPeriod: null,
    usagePeriodEnd: null,
    accessDeniedReason: null,
    isFallback: false,
    feature: null,
    value: null,
    ...overrides,
  }
}

const denied = (featureId: string, reason = 'NoFeatureEntitlementInSubscription') =>
  entitlement(featureId, { isGranted: false, hasAccess: false, accessDeniedReason: reason })

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

function input(overrides: Partial<GateInput>): GateInput {
  return {
    featureIds: [],
    match: 'all',
    entitlements: {},
    entitlementsLoading: false,
    entitlementsError: false,
    plans: null,
    subscription: null,
    subscriptionLoading: false,
    subscriptionError: false,
    now,
    ...overrides,
  }
}

describe('decideGate', () => {
  it('grants a single granted feature and denies a denied one with its reason', () => {
    const open = decideGate(input({ featureIds: ['a'], entitlements: { a: entitlement('a') } }))
    expect(open).toEqual({ status: 'granted', hasAccess: true, remaining: null, reason: null, isFallback: false })
    const closed = decideGate(input({ featureIds: ['a'], entitlements: { a: denied('a') } }))
    expect(closed).toMatchObject({ status: 'denied', hasAccess: false, reason: 'NoFeatureEntitlementInSubscription' })
  })

  it('needs every feature for match all and one for match any', () => {
    const entitlements = { a: entitlement('a'), b: denied('b', 'RequestedUsageExceedingLimit') }
    expect(decideGate(input({ featureIds: ['a', 'b'], entitlements })).status).toBe('denied')
    expect(decideGate(input({ featureIds: ['a', 'b'], entitlements })).reason).toBe('RequestedUsageExceedingLimit')
    expect(decideGate(input({ featureIds: ['a', 'b'], match: 'any', entitlements })).status).toBe('granted')
    const none = decideGate(input({ featureIds: ['b', 'c'], match: 'any', entitlements: { b: denied('b', 'X'), c: denied('c', 'Y') } }))
    expect(none).toMatchObject({ status: 'denied', reason: 'X' })
  })

  it('stays loading while the answer can still change, and answers early when it cannot', () => {
    const loading = { entitlementsLoading: true }
    expect(decideGate(input({ ...loading, featureIds: ['a', 'b'], entitlements: { a: entitlement('a') } })).status).toBe('loading')
    // all: one known denial settles it; any: one known grant settles it.
    expect(decideGate(input({ ...loading, featureIds: ['a', 'b'], entitlements: { a: denied('a') } })).status).toBe('denied')
    expect(decideGate(input({ ...loading, featureIds: ['a', 'b'], match: 'any', entitlements: { a: entitlement('a') } })).status).toBe('granted')
    expect(decideGate(input({ ...loading, featureIds: ['a', 'b'], match: 'any', entitlements: { a: denied('a') } })).status).toBe('loading')
  })

  it('reports an error when nothing is known, and fails closed', () => {
    const result = decideGate(input({ featureIds: ['a'], entitlementsError: true }))
    expect(result).toMatchObject({ status: 'error', hasAccess: false, reason: null })
  })

  it('opens on a granting fallback during an error but never turns an error into a firm denial', () => {
    const open = decideGate(input({ featureIds: ['a'], entitlementsError: true, entitlements: { a: entitlement('a', { isFallback: true }) } }))
    expect(open).toMatchObject({ status: 'granted', hasAccess: true, isFallback: true })
    const closedFallback = entitlement('a', { isFallback: true, hasAccess: false, accessDeniedReason: 'Unknown' })
    const closed = decideGate(input({ featureIds: ['a'], entitlementsError: true, entitlements: { a: closedFallback } }))
    expect(closed).toMatchObject({ status: 'error', hasAccess: false, isFallback: true })
    // Offline: fallbacks without an error are the answer.
    expect(decideGate(input({ featureIds: ['a'], entitlements: { a: closedFallback } })).status).toBe('denied')
  })

  it('stops trusting a stale answer once its refetch failed, feature by feature', () => {
    const stale = { a: entitlement('a'), b: entitlement('b') }
    expect(decideGate(input({ featureIds: ['a'], entitlementsError: true, failedFeatureIds: ['a'], entitlements: stale })).status).toBe('error')
    // `any`: a fresh grant on b still opens the gate while a's refetch failed.
    const any = input({ featureIds: ['a', 'b'], match: 'any', entitlementsError: true, failedFeatureIds: ['a'], entitlements: stale })
    expect(decideGate(any).status).toBe('granted')
    expect(decideGate({ ...any, match: 'all' }).status).toBe('error')
    const fallback = { a: entitlement('a', { isFallback: true }) }
    expect(decideGate(input({ featureIds: ['a'], entitlementsError: true, failedFeatureIds: ['a'], entitlements: fallback })).status).toBe('granted')
    const pro = subscription('plan-pro')
    expect(decideGate(input({ plans: ['plan-pro'], subscription: pro, subscriptionError: true })).status).toBe('error')
  })

  it('is closed, not pending, when nothing is known and nothing is coming', () => {
    expect(decideGate(input({ featureIds: ['a'] }))).toMatchObject({ status: 'denied', reason: null })
    expect(decideGate(input({}))).toMatchObject({ status: 'denied', hasAccess: false })
  })

  it('takes the smallest remaining over limited features', () => {
    const entitlements = {
      a: entitlement('a', { usageLimit: 10, currentUsage: 3, remaining: 7 }),
      b: entitlement('b', { usageLimit: 5, currentUsage: 3, remaining: 2 }),
      c: entitlement('c'),
    }
    expect(decideGate(input({ featureIds: ['a', 'b', 'c'], entitlements })).remaining).toBe(2)
    expect(decideGate(input({ featureIds: ['c'], entitlements })).remaining).toBeNull()
  })

  it('gates on the current plan as well as the features', () => {
    const entitlements = { a: entitlement('a') }
    const pro = subscription('plan-pro')
    expect(decideGate(input({ featureIds: ['a'], entitlements, plans: ['plan-pro', 'plan-enterprise'], subscription: pro })).status).toBe('granted')
    expect(decideGate(input({ featureIds: ['a'], entitlements, plans: ['plan-enterprise'], subscription: pro }))).toMatchObject({
      status: 'denied',
      reason: PLAN_MISMATCH,
    })
    // A plan-only gate.
    expect(decideGate(input({ plans: ['plan-pro'], subscription: pro })).status).toBe('granted')
    expect(decideGate(input({ plans: ['plan-pro'], subscriptionLoading: true })).status).toBe('loading')
    expect(decideGate(input({ plans: ['plan-pro'], subscriptionError: true })).status).toBe('error')
    expect(decideGate(input({ plans: ['plan-pro'] }))).toMatchObject({ status: 'denied', reason: 'NoActiveSubscription' })
  })

  it('does not let a paused or ended subscription pass the plan check', () => {
    const plans = ['plan-pro']
    expect(decideGate(input({ plans, subscription: subscription('plan-pro', { status: 'PAUSED' }) })).reason).toBe('NoActiveSubscription')
    const ended = subscription('plan-pro', { status: 'CANCELED', endDate: new Date('2025-06-01T00:00:00Z') })
    expect(decideGate(input({ plans, subscription: ended })).status).toBe('denied')
    const inPeriod = subscription('plan-pro', { status: 'CANCELED', endDate: new Date('2025-07-01T00:00:00Z') })
    expect(decideGate(input({ plans, subscription: inPeriod })).status).toBe('granted')
    expect(decideGate(input({ plans, subscription: subscription('plan-pro', { status: 'TRIAL' }) })).status).toBe('granted')
  })

  it('names the feature reason before the plan reason', () => {
    const result = decideGate(
      input({ featureIds: ['a'], entitlements: { a: denied('a', 'FeatureNotFound') }, plans: ['x'], subscription: subscription('y') }),
    )
    expect(result.reason).toBe('FeatureNotFound')
  })
})
