import { describe, expect, it } from 'vitest'
import { measureApp } from '../../bench/bundle'
import { provisionCustomerDocument, subscriptionsDocument } from '../../src/core/documents'

// The bench app uses StiggProvider + useEntitlement + FeatureGate + UsageMeter and never
// provisions: the provisionCustomer document must not ride along in its production bundle.
describe('documents an app does not use', () => {
  it('leaves the provisionCustomer document out of an app that never provisions', async () => {
    const { code } = await measureApp()
    // The screen's own documents are there, so a missing string below means tree-shaking, not an empty bundle.
    expect(code).toContain('StiggEntitlements')
    expect(code).not.toContain('StiggProvisionCustomer')
    expect(code).not.toContain('provisionCustomer(input:')
  })

  it('leaves the plans document, the paywall and the await out of an app that never imports them', async () => {
    const { code } = await measureApp()
    expect(code).toContain('StiggEntitlements')
    for (const text of ['StiggPlans', 'plans(customerId:', 'Loading plans', 'data-stigg-paywall', 'FEATURE_NOT_IN_ANY_PLAN', 'PLAN_NOT_FOUND']) {
      expect(code, `"${text}" rides along in an app without Paywall, usePlans or useAwaitEntitlement`).not.toContain(text)
    }
  })

  it('selects the same subscription fields in the spelled-out provision document as in the subscriptions query', () => {
    const selection = /customerSubscriptions\(customerId:\$customerId\)\{(.*)\}\}$/.exec(subscriptionsDocument)?.[1]
    expect(selection).toMatch(/^id status/)
    expect(provisionCustomerDocument).toContain(`subscription{${selection}}`)
  })
})
