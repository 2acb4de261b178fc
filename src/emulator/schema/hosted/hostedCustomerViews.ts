import type { EmulatorStore } from '../../store/EmulatorStore'
import { usagePeriod } from '../../store/usagePeriod'
import type { CustomerRecord, MeasurementRecord, SubscriptionRecord } from '../../types'
import { hostedPlan, hostedProduct } from './hostedCatalogViews'

/**
 * Customers, subscriptions and usage in hosted Stigg's shapes. The emulator has no billing,
 * coupons, addons, promotions, resources or experiments: those fields answer their true
 * "none" (`null`, `[]`, `false`).
 */

// Hosted Stigg has no PAUSED; PAYMENT_PENDING is its other "exists but grants nothing" state.
const statuses: Record<SubscriptionRecord['status'], string> = {
  ACTIVE: 'ACTIVE',
  TRIAL: 'IN_TRIAL',
  PAUSED: 'PAYMENT_PENDING',
  CANCELED: 'CANCELED',
}

const ended = (subscription: SubscriptionRecord, now: number) => subscription.endDate !== null && Date.parse(subscription.endDate) <= now

/** A canceled subscription stays CANCELED; any other past its `endDate` is EXPIRED (replaced, or run out). */
export function hostedStatus(subscription: SubscriptionRecord, now: number): string {
  return subscription.status !== 'CANCELED' && ended(subscription, now) ? 'EXPIRED' : statuses[subscription.status]
}

/** The customer's subscriptions that have not ended, newest first (hosted `getActiveSubscriptions`). */
export function activeSubscriptions(store: EmulatorStore, customer: CustomerRecord): Array<Record<string, unknown>> {
  const now = store.now().getTime()
  return customer.subscriptions
    .filter((subscription) => !ended(subscription, now))
    .map((subscription) => hostedSubscription(store, customer, subscription))
    .reverse()
}

export function hostedCustomer(store: EmulatorStore, customer: CustomerRecord): Record<string, unknown> {
  const { id, name, email, createdAt, updatedAt } = customer
  const active = () => activeSubscriptions(store, customer)
  return {
    id,
    customerId: id,
    refId: id,
    name,
    email,
    billingId: customer.billingId ?? null,
    createdAt,
    updatedAt,
    additionalMetaData: null,
    awsMarketplaceCustomerId: null,
    subscriptions: active,
    hasActiveSubscription: () => active().length > 0,
    hasPaymentMethod: false,
    defaultPaymentExpirationMonth: null,
    defaultPaymentExpirationYear: null,
    defaultPaymentMethodLast4Digits: null,
    defaultPaymentMethodType: null,
    trialedPlans: () =>
      customer.subscriptions
        .filter((subscription) => subscription.status === 'TRIAL')
        .map((subscription) => ({ planId: subscription.planId, planRefId: subscription.planId, productId: 'product-default', productRefId: 'product-default' })),
    eligibleForTrial: [],
    experimentInfo: null,
    coupon: null,
    promotionalEntitlements: [],
  }
}

export function hostedSubscription(store: EmulatorStore, customer: CustomerRecord, subscription: SubscriptionRecord): Record<string, unknown> {
  const { id, startDate, endDate, trialEndDate } = subscription
  const status = hostedStatus(subscription, store.now().getTime())
  // Plans have no prices; a monthly billing period from the start date is the natural cycle.
  const billingPeriodEnd = ended(subscription, store.now().getTime()) ? endDate : usagePeriod('MONTHLY', new Date(startDate), store.now()).end.toISOString()
  return {
    id,
    subscriptionId: id,
    refId: id,
    status,
    startDate,
    endDate,
    trialEndDate,
    effectiveEndDate: endDate,
    cancellationDate: subscription.status === 'CANCELED' ? endDate : null,
    currentBillingPeriodEnd: billingPeriodEnd,
    plan: () => hostedPlan(store, store.plan(subscription.planId)),
    product: () => hostedProduct(store),
    customer: () => hostedCustomer(store, customer),
    payingCustomer: null,
    resource: null,
    additionalMetaData: null,
    billingId: null,
    billingLinkUrl: null,
    billingSyncError: null,
    latestInvoice: null,
    paymentCollection: 'NOT_REQUIRED',
    paymentCollectionMethod: 'NONE',
    pricingType: 'FREE',
    prices: [],
    totalPrice: null,
    addons: [],
    scheduledUpdates: [],
    futureUpdates: [],
    trialConfiguration: null,
    experimentInfo: null,
    coupon: null,
    coupons: [],
  }
}

export function hostedMeasurement(measurement: MeasurementRecord, usagePeriodStart: string | null): Record<string, unknown> {
  return { ...measurement, resourceId: null, usagePeriodStart, nextResetDate: measurement.usagePeriodEnd }
}
