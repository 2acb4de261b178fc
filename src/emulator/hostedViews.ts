import type { AccessDeniedReason, EntitlementData } from '../core/types'
import type { CatalogFeature, CatalogPlan, CatalogResetPeriod } from './Catalog'
import { EmulatorError } from './EmulatorError'
import type { EmulatorStore } from './EmulatorStore'
import type { CustomerRecord, MeasurementRecord, SubscriptionRecord } from './types'
import { usagePeriod } from './usagePeriod'

/** The store's records in hosted Stigg's shapes (`hostedTypeDefs`): names and enums as hosted Stigg has them. */

const resetPeriods: Record<CatalogResetPeriod, string> = {
  HOURLY: 'HOUR',
  DAILY: 'DAY',
  WEEKLY: 'WEEK',
  MONTHLY: 'MONTH',
  YEARLY: 'YEAR',
}

// Hosted Stigg has no PAUSED; PAYMENT_PENDING is its other "exists but grants nothing" state.
const statuses: Record<SubscriptionRecord['status'], string> = {
  ACTIVE: 'ACTIVE',
  TRIAL: 'IN_TRIAL',
  PAUSED: 'PAYMENT_PENDING',
  CANCELED: 'CANCELED',
}

export interface HostedEntitlement {
  isGranted: boolean
  accessDeniedReason: AccessDeniedReason | null
  customerId: string
  resourceId: string | null
  usageLimit: number | null
  hasUnlimitedUsage: boolean
  hasSoftLimit: boolean
  currentUsage: number
  requestedUsage: number
  usagePeriodAnchor: string | null
  usagePeriodStart: string | null
  usagePeriodEnd: string | null
  nextResetDate: string | null
  resetPeriod: string | null
  feature: Record<string, unknown> | null
}

export function hostedFeature(feature: CatalogFeature): Record<string, unknown> {
  const metered = feature.type === 'metered'
  return {
    refId: feature.id,
    displayName: feature.displayName,
    description: null,
    featureType: metered ? 'NUMBER' : 'BOOLEAN',
    // Usage that resets is counted up (Incremental); usage that never resets, like seats, is set (Fluctuating).
    meterType: !metered ? 'None' : feature.resetPeriod ? 'Incremental' : 'Fluctuating',
    featureUnits: feature.units ?? null,
    featureUnitsPlural: feature.unitsPlural ?? null,
  }
}

/** A denial that has no feature data behind it (unknown customer, feature or resource). */
export function deniedEntitlement(customerId: string, reason: AccessDeniedReason, requestedUsage: number): HostedEntitlement {
  return {
    isGranted: false,
    accessDeniedReason: reason,
    customerId,
    resourceId: null,
    usageLimit: null,
    hasUnlimitedUsage: false,
    hasSoftLimit: false,
    currentUsage: 0,
    requestedUsage,
    usagePeriodAnchor: null,
    usagePeriodStart: null,
    usagePeriodEnd: null,
    nextResetDate: null,
    resetPeriod: null,
    feature: null,
  }
}

/**
 * The store's decision, then hosted Stigg's usage rule on top: a limited feature in the plan
 * is granted iff `currentUsage + requestedUsage <= usageLimit`.
 */
export function hostedEntitlement(store: EmulatorStore, customerId: string, featureId: string, requestedUsage: number): HostedEntitlement {
  let data: EntitlementData
  try {
    data = store.entitlement(customerId, featureId)
  } catch (error) {
    // Hosted Stigg answers these as denials; the seed contract as errors.
    if (error instanceof EmulatorError && (error.code === 'CustomerNotFound' || error.code === 'FeatureNotFound')) {
      return deniedEntitlement(customerId, error.code, requestedUsage)
    }
    throw error
  }
  const feature = store.feature(featureId)
  const inPlan = data.accessDeniedReason === null || data.accessDeniedReason === 'RequestedUsageExceedingLimit'
  let reason = data.accessDeniedReason
  if (inPlan && data.usageLimit !== null) {
    reason = data.currentUsage + requestedUsage <= data.usageLimit ? null : 'RequestedUsageExceedingLimit'
  }
  const anchor = anchorOf(store.customerRecord(customerId))
  const period = data.usagePeriodEnd !== null && feature.resetPeriod ? usagePeriod(feature.resetPeriod, new Date(anchor), store.now()) : null
  return {
    isGranted: reason === null,
    accessDeniedReason: reason,
    customerId,
    resourceId: null,
    usageLimit: data.usageLimit,
    hasUnlimitedUsage: inPlan && feature.type === 'metered' && data.usageLimit === null,
    hasSoftLimit: false,
    currentUsage: data.currentUsage,
    requestedUsage,
    usagePeriodAnchor: period ? anchor : null,
    usagePeriodStart: period ? period.start.toISOString() : null,
    usagePeriodEnd: data.usagePeriodEnd,
    nextResetDate: data.usagePeriodEnd,
    resetPeriod: feature.resetPeriod ? resetPeriods[feature.resetPeriod] : null,
    feature: hostedFeature(feature),
  }
}

/** Usage periods count from the current subscription's start (as `EmulatorStore` counts them). */
function anchorOf(customer: CustomerRecord): string {
  return customer.subscriptions[customer.subscriptions.length - 1]?.startDate ?? customer.createdAt
}

export function hostedPlan(plan: CatalogPlan): Record<string, unknown> {
  return { id: plan.id, refId: plan.id, displayName: plan.name, description: plan.description ?? null }
}

/** Any subscription past its `endDate` is EXPIRED, whatever status it was stored with. */
export function hostedStatus(subscription: SubscriptionRecord, now: number): string {
  if (subscription.endDate !== null && Date.parse(subscription.endDate) <= now) return 'EXPIRED'
  return statuses[subscription.status]
}

export function hostedSubscription(store: EmulatorStore, subscription: SubscriptionRecord): Record<string, unknown> {
  const { id, startDate, endDate, trialEndDate } = subscription
  return {
    id,
    subscriptionId: id,
    refId: id,
    status: hostedStatus(subscription, store.now().getTime()),
    plan: hostedPlan(store.plan(subscription.planId)),
    startDate,
    endDate,
    trialEndDate,
  }
}

export function hostedCustomer(customer: CustomerRecord): Record<string, unknown> {
  const { id, name, email, createdAt, updatedAt } = customer
  return { id, customerId: id, refId: id, name, email, billingId: customer.billingId ?? null, createdAt, updatedAt }
}

export function hostedMeasurement(measurement: MeasurementRecord): Record<string, unknown> {
  return { ...measurement, resourceId: null, nextResetDate: measurement.usagePeriodEnd }
}
