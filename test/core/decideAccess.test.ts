import { describe, expect, it } from 'vitest'
import { decideAccess, type EntitlementData } from 'react-stigg'
// Internal: decideAccess applies it; apps see the normalised `resetPeriod` only.
import { normaliseResetPeriod } from '../../src/core/decideAccess'

const metered = (over: Partial<EntitlementData> = {}): EntitlementData => ({
  featureId: 'feature-api-calls',
  isGranted: true,
  usageLimit: 100,
  currentUsage: 40,
  resetPeriod: 'MONTHLY',
  accessDeniedReason: null,
  usagePeriodEnd: '2030-01-01T00:00:00.000Z',
  feature: { id: 'feature-api-calls', displayName: 'API calls', featureType: 'METERED', units: 'API call', unitsPlural: 'API calls' },
  ...over,
})

describe('decideAccess', () => {
  it('grants a limited feature while current + requested fits the limit', () => {
    const e = decideAccess(metered({ currentUsage: 99 }))
    expect(e).toMatchObject({ hasAccess: true, isGranted: true, remaining: 1, requestedUsage: 1, isUnlimited: false, accessDeniedReason: null })
    expect(e.resetPeriod).toBe('MONTH')
    expect(e.usagePeriodEnd).toEqual(new Date('2030-01-01T00:00:00.000Z'))
  })

  it('denies at the limit with requestedUsage 1, and grants "in plan" with requestedUsage 0', () => {
    // The emulator reports the limit reached as isGranted false + RequestedUsageExceedingLimit.
    const atLimit = metered({ currentUsage: 100, isGranted: false, accessDeniedReason: 'RequestedUsageExceedingLimit' })
    expect(decideAccess(atLimit)).toMatchObject({ hasAccess: false, isGranted: true, remaining: 0, accessDeniedReason: 'RequestedUsageExceedingLimit' })
    expect(decideAccess(atLimit, { requestedUsage: 0 })).toMatchObject({ hasAccess: true, accessDeniedReason: null })
  })

  it('denies when the requested usage would exceed the limit', () => {
    expect(decideAccess(metered({ currentUsage: 90 }), { requestedUsage: 11 })).toMatchObject({
      hasAccess: false,
      accessDeniedReason: 'RequestedUsageExceedingLimit',
      remaining: 10,
    })
    expect(decideAccess(metered({ currentUsage: 90 }), { requestedUsage: 10 }).hasAccess).toBe(true)
  })

  it('treats a metered feature without a limit as unlimited', () => {
    expect(decideAccess(metered({ usageLimit: null, currentUsage: 1e9 }), { requestedUsage: 1e6 })).toMatchObject({
      hasAccess: true,
      isUnlimited: true,
      remaining: null,
      usageLimit: null,
    })
  })

  it('grants boolean features, by feature type or by shape when no feature info came', () => {
    const sso = metered({ usageLimit: null, resetPeriod: null, currentUsage: 0, usagePeriodEnd: null })
    const typed = decideAccess({ ...sso, feature: { id: 'f', displayName: 'F', featureType: 'BOOLEAN', units: null, unitsPlural: null } })
    expect(typed).toMatchObject({ hasAccess: true, isUnlimited: false, usageLimit: null, remaining: null })
    expect(decideAccess({ ...sso, feature: null })).toMatchObject({ hasAccess: true, isUnlimited: false })
  })

  it('keeps the reason of a feature that is not in the plan, or says Unknown', () => {
    expect(decideAccess(metered({ isGranted: false, accessDeniedReason: 'NoActiveSubscription' }), { requestedUsage: 0 })).toMatchObject({
      hasAccess: false,
      isGranted: false,
      accessDeniedReason: 'NoActiveSubscription',
    })
    expect(decideAccess(metered({ isGranted: false, accessDeniedReason: null })).accessDeniedReason).toBe('Unknown')
  })

  it('rejects a negative requestedUsage with a message naming the feature', () => {
    expect(() => decideAccess(metered(), { requestedUsage: -1 })).toThrow(/requestedUsage for 'feature-api-calls' must be a number >= 0/)
  })
})

describe('normaliseResetPeriod', () => {
  it('maps seed and hosted spellings to one', () => {
    expect(['HOURLY', 'DAY', 'WEEKLY', 'MONTH', 'YEARLY', 'monthly'].map(normaliseResetPeriod)).toEqual([
      'HOUR',
      'DAY',
      'WEEK',
      'MONTH',
      'YEAR',
      'MONTH',
    ])
    expect(normaliseResetPeriod(null)).toBeNull()
    expect(normaliseResetPeriod('FORTNIGHTLY')).toBeNull()
  })
})
