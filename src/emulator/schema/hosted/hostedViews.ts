import type { AccessDeniedReason, EntitlementData } from '../../../core/types'
import type { CatalogFeature, CatalogResetPeriod } from '../../Catalog'
import { EmulatorError } from '../../EmulatorError'
import type { EmulatorStore } from '../../store/EmulatorStore'
import { usagePeriod } from '../../store/usagePeriod'
import type { CustomerRecord } from '../../types'

/**
 * The store's entitlements in hosted Stigg's shapes (`hostedSdl`). Every field a view sets is
 * the emulator's true value; `null`/`[]` mean "none" (no credit rate, no enum values). Fields a
 * view leaves out are answered "not emulated" by `hostedSchema`.
 */

export const hostedResetPeriods: Record<CatalogResetPeriod, string> = {
  HOURLY: 'HOUR',
  DAILY: 'DAY',
  WEEKLY: 'WEEK',
  MONTHLY: 'MONTH',
  YEARLY: 'YEAR',
}

// Usage periods count from the subscription's start (see `EmulatorStore`): "according to subscription start".
const resetPeriodConfigurations: Partial<Record<CatalogResetPeriod, Record<string, string>>> = {
  WEEKLY: { __typename: 'WeeklyResetPeriodConfig', weeklyAccordingTo: 'SubscriptionStart' },
  MONTHLY: { __typename: 'MonthlyResetPeriodConfig', monthlyAccordingTo: 'SubscriptionStart' },
  YEARLY: { __typename: 'YearlyResetPeriodConfig', yearlyAccordingTo: 'SubscriptionStart' },
}

/** Hosted Stigg's `EntitlementFeature` and `Feature`: NUMBER with a meter (metered) or without (numeric). */
export function hostedFeature(feature: CatalogFeature): Record<string, unknown> {
  return {
    refId: feature.id,
    displayName: feature.displayName,
    description: null,
    featureType: feature.type === 'boolean' ? 'BOOLEAN' : 'NUMBER',
    // Usage that resets is counted up (Incremental); usage that never resets, like seats, is set (Fluctuating).
    meterType: feature.type !== 'metered' ? 'None' : feature.resetPeriod ? 'Incremental' : 'Fluctuating',
    featureUnits: feature.units ?? null,
    featureUnitsPlural: feature.unitsPlural ?? null,
    unitTransformation: null,
    additionalMetaData: null,
  }
}

function entitlementView(customerId: string, requestedUsage: number, requestedValues: readonly string[]): Record<string, unknown> {
  return {
    __typename: 'Entitlement',
    customerId,
    resourceId: null,
    hasSoftLimit: false,
    requestedUsage,
    requestedValues: [...requestedValues],
    enumValues: null,
    creditRate: null,
    validUntil: null,
    displayNameOverride: null,
    hiddenFromWidgets: [],
    usageUpdatedAt: null,
  }
}

/** A denial that has no feature data behind it (unknown customer, feature or resource). */
export function deniedEntitlement(customerId: string, reason: AccessDeniedReason, requestedUsage: number, requestedValues: readonly string[] = []): Record<string, unknown> {
  return {
    ...entitlementView(customerId, requestedUsage, requestedValues),
    isGranted: false,
    accessDeniedReason: reason,
    usageLimit: null,
    hasUnlimitedUsage: false,
    currentUsage: 0,
    entitlementUpdatedAt: null,
    usagePeriodAnchor: null,
    usagePeriodStart: null,
    usagePeriodEnd: null,
    nextResetDate: null,
    resetPeriod: null,
    resetPeriodConfiguration: null,
    feature: null,
  }
}

/**
 * The store's decision, then hosted Stigg's usage rule on top: a limited feature in the plan is
 * granted iff `currentUsage + requestedUsage <= usageLimit`. A numeric feature's `usageLimit` is
 * its configured value (what Stigg's SDKs read as `value`).
 */
export function hostedEntitlement(
  store: EmulatorStore,
  customerId: string,
  featureId: string,
  requestedUsage: number,
  requestedValues: readonly string[] = [],
): Record<string, unknown> {
  let data: EntitlementData
  try {
    data = store.entitlement(customerId, featureId)
  } catch (error) {
    // Hosted Stigg answers these as denials; the seed contract as errors.
    if (error instanceof EmulatorError && (error.code === 'CustomerNotFound' || error.code === 'FeatureNotFound')) {
      return deniedEntitlement(customerId, error.code, requestedUsage, requestedValues)
    }
    throw error
  }
  const feature = store.feature(featureId)
  const customer = store.customerRecord(customerId)
  const current = customer.subscriptions[customer.subscriptions.length - 1]
  const inPlan = data.accessDeniedReason === null || data.accessDeniedReason === 'RequestedUsageExceedingLimit'
  const configured = current ? store.plan(current.planId).limits[featureId] : undefined
  const usageLimit = feature.type === 'numeric' ? (typeof configured === 'number' ? configured : null) : data.usageLimit
  let reason = data.accessDeniedReason
  if (inPlan && feature.type === 'metered' && usageLimit !== null) {
    reason = data.currentUsage + requestedUsage <= usageLimit ? null : 'RequestedUsageExceedingLimit'
  }
  const anchor = anchorOf(customer)
  const period = data.usagePeriodEnd !== null && feature.resetPeriod ? usagePeriod(feature.resetPeriod, new Date(anchor), store.now()) : null
  return {
    ...entitlementView(customerId, requestedUsage, requestedValues),
    isGranted: reason === null,
    accessDeniedReason: reason,
    usageLimit,
    hasUnlimitedUsage: inPlan && feature.type !== 'boolean' && usageLimit === null,
    currentUsage: data.currentUsage,
    entitlementUpdatedAt: current?.startDate ?? null,
    usagePeriodAnchor: period ? anchor : null,
    usagePeriodStart: period ? period.start.toISOString() : null,
    usagePeriodEnd: data.usagePeriodEnd,
    nextResetDate: data.usagePeriodEnd,
    resetPeriod: feature.resetPeriod ? hostedResetPeriods[feature.resetPeriod] : null,
    resetPeriodConfiguration: (feature.resetPeriod && resetPeriodConfigurations[feature.resetPeriod]) ?? null,
    feature: hostedFeature(feature),
  }
}

/** Usage periods count from the current subscription's start (as `EmulatorStore` counts them). */
export function anchorOf(customer: CustomerRecord): string {
  return customer.subscriptions[customer.subscriptions.length - 1]?.startDate ?? customer.createdAt
}

/**
 * Hosted Stigg's `cachedEntitlements`: the features in the customer's plan, decided with no
 * requested usage (Stigg's SDKs apply their own `requestedUsage` to `currentUsage`/`usageLimit`).
 * An unknown customer has none: the SDKs read an empty list as "customer not found".
 */
export function cachedEntitlements(store: EmulatorStore, customerId: string): Array<Record<string, unknown>> {
  if (!store.hasCustomer(customerId)) return []
  return store.catalog.features
    .map((feature) => hostedEntitlement(store, customerId, feature.id, 0))
    .filter((entitlement) => entitlement['isGranted'] === true || entitlement['accessDeniedReason'] === 'RequestedUsageExceedingLimit')
}
