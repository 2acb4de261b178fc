import { describe, expect, it } from 'vitest'
import type { Entitlement, FeatureInfo } from '../../src/core/types'
import { computeUsageMeter, normalizeWarnAt, type UsageMeterInput } from '../../src/components/meter/computeUsageMeter'

const apiCalls: FeatureInfo = {
  id: 'feature-api-calls',
  displayName: 'API calls',
  featureType: 'METERED',
  units: 'API call',
  unitsPlural: 'API calls',
}

function metered(overrides: Partial<Entitlement> = {}): Entitlement {
  const usageLimit = overrides.usageLimit === undefined ? 1000 : overrides.usageLimit
  const currentUsage = overrides.currentUsage ?? 0
  return {
    featureId: 'feature-api-calls',
    isGranted: true,
    hasAccess: usageLimit === null || currentUsage + 1 <= usageLimit,
    isUnlimited: usageLimit === null,
    usageLimit,
    currentUsage,
    remaining: usageLimit === null ? null : Math.max(0, usageLimit - currentUsage),
    requestedUsage: 1,
    resetPeriod: 'MONTH',
    usagePeriodEnd: new Date(2025, 11, 1, 12),
    accessDeniedReason: null,
    isFallback: false,
    feature: apiCalls,
    value: null,
    ...overrides,
  }
}

function compute(entitlement: Entitlement | null, overrides: Partial<UsageMeterInput> = {}) {
  return computeUsageMeter({
    entitlement,
    isLoading: false,
    isError: false,
    warnAt: 0.8,
    showReset: false,
    locale: 'en-US',
    ...overrides,
  })
}

function expectFinite(values: ReturnType<typeof compute>) {
  for (const n of [values.current, values.limit, values.percentage, values.valueMax, values.valueNow]) {
    if (n !== null) expect(Number.isFinite(n)).toBe(true)
  }
  expect(values.valueText).not.toMatch(/NaN|Infinity|∞/)
  expect(values.valueNow).toBeGreaterThanOrEqual(0)
  expect(values.valueNow).toBeLessThanOrEqual(values.valueMax)
}

describe('computeUsageMeter', () => {
  it('reads like a sentence, with the reset date when asked', () => {
    const values = compute(metered({ currentUsage: 720 }), { showReset: true })
    expect(values).toMatchObject({ state: 'ok', current: 720, limit: 1000, percentage: 72, valueMax: 1000, valueNow: 720 })
    expect(values.valueText).toBe('720 of 1,000 API calls used, resets Dec 1')
    expect(values.resetsAt).toEqual(new Date(2025, 11, 1, 12))
    expect(compute(metered({ currentUsage: 720 })).valueText).toBe('720 of 1,000 API calls used')
  })

  it('formats in the given locale', () => {
    const values = compute(metered({ currentUsage: 1500, usageLimit: 10000 }), { locale: 'de-DE', showReset: true })
    expect(values.valueText).toBe('1.500 of 10.000 API calls used, resets 1. Dez.')
  })

  it('uses the singular unit for one and falls back to the display name, then "units"', () => {
    expect(compute(metered({ usageLimit: 1, currentUsage: 0 })).valueText).toBe('0 of 1 API call used')
    const noUnits = { ...apiCalls, units: null, unitsPlural: null, displayName: 'Exports' }
    expect(compute(metered({ currentUsage: 2, usageLimit: 5, feature: noUnits })).valueText).toBe('2 of 5 Exports used')
    expect(compute(metered({ currentUsage: 2, usageLimit: 5, feature: null })).valueText).toBe('2 of 5 units used')
    expect(compute(metered({ currentUsage: 0, usageLimit: 1, feature: null })).valueText).toBe('0 of 1 unit used')
  })

  it('warns from warnAt and when the requested usage would not fit', () => {
    expect(compute(metered({ currentUsage: 799 })).state).toBe('ok')
    expect(compute(metered({ currentUsage: 800 })).state).toBe('warning')
    expect(compute(metered({ currentUsage: 500 }), { warnAt: 0.5 }).state).toBe('warning')
    expect(compute(metered({ currentUsage: 6, usageLimit: 10, requestedUsage: 5 })).state).toBe('warning')
  })

  it('says the limit is reached or by how much it is exceeded, not only the colour', () => {
    const reached = compute(metered({ currentUsage: 1000 }))
    expect(reached).toMatchObject({ state: 'exceeded', percentage: 100, valueNow: 1000 })
    expect(reached.valueText).toBe('1,000 of 1,000 API calls used, limit reached')
    const over = compute(metered({ currentUsage: 1020 }))
    expect(over).toMatchObject({ state: 'exceeded', percentage: 100, valueNow: 1000, current: 1020 })
    expect(over.valueText).toBe('1,020 of 1,000 API calls used, over limit by 20 API calls')
    expect(compute(metered({ currentUsage: 1001 })).valueText).toMatch(/over limit by 1 API call$/)
  })

  it('never produces NaN or Infinity from a zero limit', () => {
    const empty = compute(metered({ usageLimit: 0, currentUsage: 0 }))
    expect(empty).toMatchObject({ state: 'exceeded', percentage: 100, valueMax: 0, valueNow: 0 })
    expect(empty.valueText).toBe('0 of 0 API calls used, limit reached')
    expectFinite(empty)
    const used = compute(metered({ usageLimit: 0, currentUsage: 3 }))
    expect(used).toMatchObject({ state: 'exceeded', percentage: 100, valueNow: 0 })
    expectFinite(used)
  })

  it('guards against negative, NaN and infinite inputs', () => {
    const negative = compute(metered({ currentUsage: -5 }))
    expect(negative).toMatchObject({ current: 0, percentage: 0, valueNow: 0, state: 'ok' })
    expectFinite(negative)
    expectFinite(compute(metered({ currentUsage: Number.NaN })))
    expect(compute(metered({ currentUsage: Number.NaN })).current).toBe(0)
    expectFinite(compute(metered({ currentUsage: Number.POSITIVE_INFINITY })))
    expect(compute(metered({ usageLimit: -10, currentUsage: 2 }))).toMatchObject({ state: 'exceeded', limit: 0 })
    expect(compute(metered({ usageLimit: Number.NaN })).state).toBe('error')
    expect(compute(metered({ usageLimit: Number.POSITIVE_INFINITY, currentUsage: 4 })).state).toBe('unlimited')
    expect(compute(metered({ requestedUsage: Number.NaN, currentUsage: 1 })).state).toBe('ok')
    expect(compute(metered({ usagePeriodEnd: new Date(Number.NaN) }), { showReset: true }).valueText).toBe('0 of 1,000 API calls used')
    expect(compute(metered({ currentUsage: 900 }), { warnAt: Number.NaN }).state).toBe('warning')
  })

  it('shows unlimited usage without a percentage', () => {
    const values = compute(metered({ usageLimit: null, currentUsage: 250000 }), { showReset: true })
    expect(values).toMatchObject({ state: 'unlimited', limit: null, percentage: null, valueMax: 250000, valueNow: 250000 })
    expect(values.valueText).toBe('Unlimited — 250,000 API calls used, resets Dec 1')
    expect(compute(metered({ usageLimit: null, currentUsage: 1 })).valueText).toBe('Unlimited — 1 API call used')
  })

  it('says so when the feature is not in the plan', () => {
    const values = compute(metered({ isGranted: false, hasAccess: false, usageLimit: null, accessDeniedReason: 'NoFeatureEntitlementInSubscription' }))
    expect(values).toMatchObject({ state: 'exceeded', limit: 0, percentage: 100, valueText: 'Not included in your plan' })
  })

  it('has loading and error states with readable text', () => {
    expect(compute(null, { isLoading: true })).toMatchObject({ state: 'loading', valueText: 'Loading usage…', percentage: null })
    expect(compute(null, { isError: true })).toMatchObject({ state: 'error', valueText: 'Usage unavailable', current: null })
    expect(compute(null)).toMatchObject({ state: 'error' })
    // A fallback's usage numbers are made up; stale real data is not.
    expect(compute(metered({ isFallback: true }), { isError: true }).state).toBe('error')
    expect(compute(metered({ currentUsage: 10 }), { isError: true }).state).toBe('ok')
  })

  it('lets formatValue format every number', () => {
    const values = compute(metered({ currentUsage: 1200, usageLimit: 1000 }), { formatValue: (n) => `#${n}` })
    expect(values.valueText).toBe('#1200 of #1000 API calls used, over limit by #200 API calls')
  })

  it('keeps warnAt within 0 to 1', () => {
    expect(normalizeWarnAt(undefined)).toBe(0.8)
    expect(normalizeWarnAt(Number.NaN)).toBe(0.8)
    expect(normalizeWarnAt(-1)).toBe(0)
    expect(normalizeWarnAt(7)).toBe(1)
    expect(normalizeWarnAt(0.5)).toBe(0.5)
  })

  it('falls back to the runtime locale when the locale is not valid', () => {
    expect(compute(metered({ currentUsage: 5 }), { locale: 'not a locale!' }).valueText).toMatch(/^5 of 1.000 API calls used$/)
  })
})
