import type { Stigg } from '@stigg/node-server-sdk'
import type { EmulatorAdmin } from 'react-stigg/emulator'
import { access, type MethodCase } from './methodTable'

/** What each Node SDK case gets: a fresh `Stigg` client (no cache from an earlier case) and the emulator's admin. */
export interface NodeContext {
  stigg: Stigg
  admin: EmulatorAdmin
}

const day = 86_400_000

/** Stigg's Node SDK (`@stigg/node-server-sdk` 3.95.0) against the emulator: each case runs on a freshly reset emulator. */
export const nodeSdkCases: Array<MethodCase<NodeContext>> = [
  {
    sdk: 'Node', method: 'getBooleanEntitlement', scenario: 'customer-pro, feature-analytics (in Pro)', result: 'granted',
    run: async ({ stigg }) => access(await stigg.getBooleanEntitlement({ customerId: 'customer-pro', featureId: 'feature-analytics' })),
  },
  {
    sdk: 'Node', method: 'getBooleanEntitlement', scenario: 'customer-pro, feature-sso (not in Pro)', result: 'denied (NoFeatureEntitlementInSubscription)',
    run: async ({ stigg }) => access(await stigg.getBooleanEntitlement({ customerId: 'customer-pro', featureId: 'feature-sso' })),
  },
  {
    sdk: 'Node', method: 'getMeteredEntitlement', scenario: 'customer-pro, feature-api-calls', result: 'granted, 9300 of 10000, resets MONTH',
    run: async ({ stigg }) => {
      const e = await stigg.getMeteredEntitlement({ customerId: 'customer-pro', featureId: 'feature-api-calls' })
      return `${access(e)}, ${e.currentUsage} of ${e.usageLimit}, resets ${e.resetPeriod}`
    },
  },
  {
    sdk: 'Node', method: 'getMeteredEntitlement', scenario: 'customer-pro, requestedUsage 701 (9300 + 701 > 10000)', result: 'denied (RequestedUsageExceedingLimit)',
    run: async ({ stigg }) => access(await stigg.getMeteredEntitlement({ customerId: 'customer-pro', featureId: 'feature-api-calls', options: { requestedUsage: 701 } })),
  },
  {
    sdk: 'Node', method: 'getMeteredEntitlement', scenario: 'customer-trial (TRIAL on Pro)', result: 'granted, 450 of 10000',
    run: async ({ stigg }) => {
      const e = await stigg.getMeteredEntitlement({ customerId: 'customer-trial', featureId: 'feature-api-calls' })
      return `${access(e)}, ${e.currentUsage} of ${e.usageLimit}`
    },
  },
  {
    sdk: 'Node', method: 'getMeteredEntitlement', scenario: 'customer-enterprise (unlimited)', result: 'granted, unlimited, 250000 used',
    run: async ({ stigg }) => {
      const e = await stigg.getMeteredEntitlement({ customerId: 'customer-enterprise', featureId: 'feature-api-calls' })
      return `${access(e)}, ${e.isUnlimited ? 'unlimited' : `limit ${e.usageLimit}`}, ${e.currentUsage} used`
    },
  },
  {
    sdk: 'Node', method: 'getBooleanEntitlement', scenario: 'customer-paused (PAUSED): Stigg lists no entitlements, the SDK reads that as an unknown customer', result: 'denied (CustomerNotFound)',
    run: async ({ stigg }) => access(await stigg.getBooleanEntitlement({ customerId: 'customer-paused', featureId: 'feature-analytics' })),
  },
  {
    sdk: 'Node', method: 'getBooleanEntitlement', scenario: 'customer-canceled (CANCELED, ends in 10 days)', result: 'granted',
    run: async ({ stigg }) => access(await stigg.getBooleanEntitlement({ customerId: 'customer-canceled', featureId: 'feature-analytics' })),
  },
  {
    sdk: 'Node', method: 'getBooleanEntitlement', scenario: 'customer-canceled, 11 days later (past its end date)', result: 'denied (CustomerNotFound)',
    run: async ({ stigg, admin }) => {
      admin.advanceClock(11 * day)
      return access(await stigg.getBooleanEntitlement({ customerId: 'customer-canceled', featureId: 'feature-analytics' }))
    },
  },
  {
    sdk: 'Node', method: 'getNumericEntitlement', scenario: 'customer-pro, feature-projects (numeric: Pro has 20)', result: 'granted, value 20',
    run: async ({ stigg }) => {
      const e = await stigg.getNumericEntitlement({ customerId: 'customer-pro', featureId: 'feature-projects' })
      return `${access(e)}, value ${e.value}`
    },
  },
  {
    sdk: 'Node', method: 'getNumericEntitlement', scenario: 'customer-enterprise, feature-projects (unlimited)', result: 'granted, unlimited',
    run: async ({ stigg }) => {
      const e = await stigg.getNumericEntitlement({ customerId: 'customer-enterprise', featureId: 'feature-projects' })
      return `${access(e)}, ${e.isUnlimited ? 'unlimited' : `value ${e.value}`}`
    },
  },
  {
    sdk: 'Node', method: 'getBooleanEntitlement', scenario: 'unknown customer', result: 'denied (CustomerNotFound)',
    run: async ({ stigg }) => access(await stigg.getBooleanEntitlement({ customerId: 'customer-nobody', featureId: 'feature-analytics' })),
  },
  {
    sdk: 'Node', method: 'getEntitlements', scenario: 'customer-pro', result: 'feature-analytics, feature-api-calls, feature-projects, feature-seats',
    run: async ({ stigg }) => (await stigg.getEntitlements('customer-pro')).map((e) => e.feature?.id).sort().join(', '),
  },
  {
    sdk: 'Node', method: 'reportUsage', scenario: 'customer-free, DELTA 5 (120 used), then getMeteredEntitlement', result: 'reported 125, then 125 of 1000',
    run: async ({ stigg }) => {
      const ack = await stigg.reportUsage({ customerId: 'customer-free', featureId: 'feature-api-calls', value: 5 })
      const e = await stigg.getMeteredEntitlement({ customerId: 'customer-free', featureId: 'feature-api-calls' })
      return `reported ${ack.currentUsage}, then ${e.currentUsage} of ${e.usageLimit}`
    },
  },
  {
    sdk: 'Node', method: 'reportUsage', scenario: 'customer-free, SET 42, then getMeteredEntitlement', result: 'reported 42, then 42 of 1000',
    run: async ({ stigg }) => {
      const ack = await stigg.reportUsage({ customerId: 'customer-free', featureId: 'feature-api-calls', value: 42, updateBehavior: 'SET' as never })
      const e = await stigg.getMeteredEntitlement({ customerId: 'customer-free', featureId: 'feature-api-calls' })
      return `reported ${ack.currentUsage}, then ${e.currentUsage} of ${e.usageLimit}`
    },
  },
  {
    sdk: 'Node', method: 'reportUsageBulk', scenario: 'customer-free, two DELTA reports of 10', result: '130, 140',
    run: async ({ stigg }) => {
      const usage = { customerId: 'customer-free', featureId: 'feature-api-calls', value: 10 }
      return (await stigg.reportUsageBulk({ usages: [usage, usage] })).map((ack) => ack.currentUsage).join(', ')
    },
  },
  {
    sdk: 'Node', method: 'reportEvent', scenario: 'the same idempotencyKey sent twice', result: 'recorded once: api-request',
    run: async ({ stigg, admin }) => {
      const event = { customerId: 'customer-pro', eventName: 'api-request', idempotencyKey: 'event-1', dimensions: { route: '/v1' } }
      await stigg.reportEvent(event)
      await stigg.reportEvent(event)
      return `recorded once: ${admin.events().map((e) => e.eventName).join(', ')}`
    },
  },
  {
    sdk: 'Node', method: 'getCustomer', scenario: 'customer-pro', result: 'Pro Industries, subscriptions: plan-pro ACTIVE',
    run: async ({ stigg }) => {
      const customer = await stigg.getCustomer('customer-pro')
      return `${customer.name}, subscriptions: ${customer.subscriptions.map((s) => `${s.plan.id} ${s.status}`).join(', ')}`
    },
  },
  {
    sdk: 'Node', method: 'provisionCustomer', scenario: 'a new customer on plan-pro, then getCustomer', result: 'REQUESTED_PLAN, plan-pro ACTIVE; reads back New Co',
    run: async ({ stigg }) => {
      const provisioned = await stigg.provisionCustomer({ customerId: 'customer-new', name: 'New Co', subscriptionParams: { planId: 'plan-pro' } })
      const customer = await stigg.getCustomer('customer-new')
      return `${provisioned.subscriptionDecisionStrategy}, ${provisioned.subscription?.planId} ${provisioned.subscription?.status}; reads back ${customer.name}`
    },
  },
  {
    sdk: 'Node', method: 'getActiveSubscriptions', scenario: 'customer-trial', result: 'plan-pro IN_TRIAL, trial ends in 14 days',
    run: async ({ stigg, admin }) => {
      const [subscription] = await stigg.getActiveSubscriptions({ customerId: 'customer-trial' })
      const days = Math.round((new Date(subscription!.trialEndDate!).getTime() - Date.parse(admin.snapshot().customers['customer-trial']!.subscriptions[0]!.startDate)) / day) - 1
      return `${subscription?.plan.id} ${subscription?.status}, trial ends in ${days} days`
    },
  },
  {
    sdk: 'Node', method: 'getActiveSubscriptionsList', scenario: 'customer-canceled', result: 'plan-pro CANCELED',
    run: async ({ stigg }) => (await stigg.getActiveSubscriptionsList({ customerId: 'customer-canceled' })).map((s) => `${s.plan.planId} ${s.status}`).join(', '),
  },
  {
    sdk: 'Node', method: 'getSubscription', scenario: 'subscription-customer-pro', result: 'plan-pro ACTIVE',
    run: async ({ stigg }) => {
      const subscription = await stigg.getSubscription({ subscriptionId: 'subscription-customer-pro' })
      return `${subscription.plan.id} ${subscription.status}`
    },
  },
  {
    sdk: 'Node', method: 'getSubscriptions', scenario: 'all customers, pages of 4', result: 'page 1: 4, more: true; page 2: 2, more: false',
    run: async ({ stigg }) => {
      const first = await stigg.getSubscriptions({ pagination: { limit: 4 } })
      const second = await stigg.getSubscriptions({ pagination: { limit: 4, startingAfter: first.pageInfo.endCursor ?? undefined } })
      return `page 1: ${first.data.length}, more: ${first.pageInfo.hasNextPage}; page 2: ${second.data.length}, more: ${second.pageInfo.hasNextPage}`
    },
  },
  {
    sdk: 'Node', method: 'provisionSubscription', scenario: 'customer-free onto plan-enterprise, then getMeteredEntitlement', result: 'SUCCESS, plan-enterprise ACTIVE; API calls unlimited',
    run: async ({ stigg }) => {
      const result = await stigg.provisionSubscription({ customerId: 'customer-free', planId: 'plan-enterprise' })
      const e = await stigg.getMeteredEntitlement({ customerId: 'customer-free', featureId: 'feature-api-calls' })
      return `${result.provisionStatus}, ${result.subscription?.planId} ${result.subscription?.status}; API calls ${e.isUnlimited ? 'unlimited' : `limit ${e.usageLimit}`}`
    },
  },
  {
    sdk: 'Node', method: 'cancelSubscription', scenario: 'customer-pro immediately, then getBooleanEntitlement', result: 'CANCELED; then denied (CustomerNotFound)',
    run: async ({ stigg }) => {
      const subscription = await stigg.cancelSubscription({ subscriptionId: 'subscription-customer-pro', subscriptionCancellationTime: 'IMMEDIATE' as never })
      return `${subscription.status}; then ${access(await stigg.getBooleanEntitlement({ customerId: 'customer-pro', featureId: 'feature-analytics' }))}`
    },
  },
  {
    sdk: 'Node', method: 'cancelSubscription', scenario: 'customer-pro at the end of the billing period, then getBooleanEntitlement', result: 'CANCELED; then granted',
    run: async ({ stigg }) => {
      const subscription = await stigg.cancelSubscription({ subscriptionId: 'subscription-customer-pro', subscriptionCancellationTime: 'END_OF_BILLING_PERIOD' as never })
      return `${subscription.status}; then ${access(await stigg.getBooleanEntitlement({ customerId: 'customer-pro', featureId: 'feature-analytics' }))}`
    },
  },
  {
    sdk: 'Node', method: 'getPaywall', scenario: 'no customer', result: 'plan-free, plan-pro, plan-enterprise; Pro: feature-api-calls 10000',
    run: async ({ stigg }) => {
      const paywall = await stigg.getPaywall({})
      const pro = paywall.plans.find((plan) => plan.id === 'plan-pro')
      const calls = pro?.entitlements.find((e) => e.feature.id === 'feature-api-calls')
      return `${paywall.plans.map((plan) => plan.id).join(', ')}; Pro: feature-api-calls ${calls?.usageLimit}`
    },
  },
  {
    sdk: 'Node', method: 'getProducts', scenario: 'the catalog', result: 'product-default (downgrade plan: plan-free)',
    run: async ({ stigg }) => (await stigg.getProducts()).map((product) => `${product.id} (downgrade plan: ${product.downgradePlan?.id})`).join(', '),
  },
  {
    sdk: 'Node', method: 'getCoupons', scenario: 'not in the emulated areas', result: 'error: Query.coupons is not emulated',
    run: async ({ stigg }) => {
      try {
        await stigg.getCoupons()
        return 'answered'
      } catch (error) {
        return `error: ${/(\S+ is not emulated)/.exec((error as Error).message)?.[1] ?? (error as Error).message}`
      }
    },
  },
]
