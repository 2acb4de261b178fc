import type { StiggClient } from '@stigg/js-client-sdk'
import { access, type MethodCase } from './methodTable'

/** What each browser SDK case gets: a client initialised for `customerId` on a freshly reset emulator. */
export interface BrowserContext {
  stigg: StiggClient
}

/** A case, and the customer its client is initialised for. */
export type BrowserCase = MethodCase<BrowserContext> & { customerId: string }

/** Stigg's browser SDK (`@stigg/js-client-sdk` 3.35.0, the one `@stigg/react-sdk` 5.28.2 brings) against the emulator. */
export const browserSdkCases: BrowserCase[] = [
  {
    sdk: 'Browser', method: 'getBooleanEntitlement', scenario: 'customer-pro, feature-analytics', customerId: 'customer-pro', result: 'granted',
    run: async ({ stigg }) => access(stigg.getBooleanEntitlement({ featureId: 'feature-analytics' })),
  },
  {
    sdk: 'Browser', method: 'getMeteredEntitlement', scenario: 'customer-pro, feature-api-calls', customerId: 'customer-pro', result: 'granted, 9300 of 10000, resets MONTH',
    run: async ({ stigg }) => {
      const e = stigg.getMeteredEntitlement({ featureId: 'feature-api-calls' })
      return `${access(e)}, ${e.currentUsage} of ${e.usageLimit}, resets ${e.resetPeriod}`
    },
  },
  {
    sdk: 'Browser', method: 'getMeteredEntitlement', scenario: 'customer-pro, requestedUsage 701', customerId: 'customer-pro', result: 'denied (RequestedUsageExceedingLimit)',
    run: async ({ stigg }) => access(stigg.getMeteredEntitlement({ featureId: 'feature-api-calls', options: { requestedUsage: 701 } })),
  },
  {
    sdk: 'Browser', method: 'getNumericEntitlement', scenario: 'customer-pro, feature-projects', customerId: 'customer-pro', result: 'granted, value 20',
    run: async ({ stigg }) => {
      const e = stigg.getNumericEntitlement({ featureId: 'feature-projects' })
      return `${access(e)}, value ${e.value}`
    },
  },
  {
    sdk: 'Browser', method: 'getMeteredEntitlement', scenario: 'customer-enterprise', customerId: 'customer-enterprise', result: 'granted, unlimited',
    run: async ({ stigg }) => {
      const e = stigg.getMeteredEntitlement({ featureId: 'feature-api-calls' })
      return `${access(e)}, ${e.isUnlimited ? 'unlimited' : `limit ${e.usageLimit}`}`
    },
  },
  {
    sdk: 'Browser', method: 'getBooleanEntitlement', scenario: 'customer-trial (TRIAL)', customerId: 'customer-trial', result: 'granted',
    run: async ({ stigg }) => access(stigg.getBooleanEntitlement({ featureId: 'feature-analytics' })),
  },
  {
    sdk: 'Browser', method: 'getBooleanEntitlement', scenario: 'customer-paused (PAUSED)', customerId: 'customer-paused', result: 'denied (NoFeatureEntitlementInSubscription)',
    run: async ({ stigg }) => access(stigg.getBooleanEntitlement({ featureId: 'feature-analytics' })),
  },
  {
    sdk: 'Browser', method: 'getBooleanEntitlement', scenario: 'customer-canceled (ends in 10 days)', customerId: 'customer-canceled', result: 'granted',
    run: async ({ stigg }) => access(stigg.getBooleanEntitlement({ featureId: 'feature-analytics' })),
  },
  {
    sdk: 'Browser', method: 'getBooleanEntitlement', scenario: 'unknown customer: start-up loads, then denies', customerId: 'customer-nobody', result: 'denied (NoFeatureEntitlementInSubscription)',
    run: async ({ stigg }) => access(stigg.getBooleanEntitlement({ featureId: 'feature-analytics' })),
  },
  {
    sdk: 'Browser', method: 'getEntitlements', scenario: 'customer-pro', customerId: 'customer-pro', result: 'feature-analytics, feature-api-calls, feature-projects, feature-seats',
    run: async ({ stigg }) => (await stigg.getEntitlements()).map((e) => e.feature?.id).sort().join(', '),
  },
  {
    sdk: 'Browser', method: 'getCustomer', scenario: 'customer-pro', customerId: 'customer-pro', result: 'Pro Industries, subscriptions: plan-pro ACTIVE',
    run: async ({ stigg }) => {
      const customer = await stigg.getCustomer()
      return `${customer.name}, subscriptions: ${customer.subscriptions.map((s) => `${s.plan.id} ${s.status}`).join(', ')}`
    },
  },
  {
    sdk: 'Browser', method: 'getActiveSubscriptions', scenario: 'customer-trial', customerId: 'customer-trial', result: 'plan-pro IN_TRIAL',
    run: async ({ stigg }) => (await stigg.getActiveSubscriptions()).map((s) => `${s.plan.id} ${s.status}`).join(', '),
  },
  {
    sdk: 'Browser', method: 'getActiveSubscriptionsList', scenario: 'customer-pro', customerId: 'customer-pro', result: 'plan-pro ACTIVE',
    run: async ({ stigg }) => (await stigg.getActiveSubscriptionsList()).map((s) => `${s.plan.planId} ${s.status}`).join(', '),
  },
  {
    sdk: 'Browser', method: 'getSubscription', scenario: 'subscription-customer-canceled', customerId: 'customer-canceled', result: 'plan-pro CANCELED',
    run: async ({ stigg }) => {
      const subscription = await stigg.getSubscription({ subscriptionId: 'subscription-customer-canceled' })
      return `${subscription.plan.id} ${subscription.status}`
    },
  },
  {
    sdk: 'Browser', method: 'getPaywall', scenario: 'customer-pro', customerId: 'customer-pro', result: 'plan-free, plan-pro, plan-enterprise; active: plan-pro',
    run: async ({ stigg }) => {
      const paywall = await stigg.getPaywall()
      return `${paywall.plans.map((plan) => plan.id).join(', ')}; active: ${paywall.activeSubscriptions?.map((s) => s.plan.id).join(', ')}`
    },
  },
]
