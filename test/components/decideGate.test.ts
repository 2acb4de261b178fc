import { describe, expect, it } from 'vitest'
import type { Entitlement } from '../../src/core/types'
import { decideGate, type GateInput } from '../../src/components/gate/decideGate'

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

function input(overrides: Partial<GateInput>): GateInput {
  return {
    featureIds: [],
    match: 'all',
    entitlements: {},
    entitlementsLoading: false,
    entitlementsError: false,
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
})
