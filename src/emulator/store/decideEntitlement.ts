import { subscriptionGrants } from '../../core/subscriptionGrants'
import type { EntitlementData, FeatureInfo } from '../../core/types'
import type { CatalogFeature } from '../Catalog'
import type { SubscriptionRecord } from '../types'

export interface EntitlementFacts {
  feature: CatalogFeature
  subscription: SubscriptionRecord | undefined
  /** The plan's entry for the feature; undefined when the plan lacks it. */
  limit: number | boolean | null | undefined
  currentUsage: number
  periodEnd: Date | null
  now: number
}

/** Stigg's access decision for one feature, in the seed contract's shape. */
export function decideEntitlement(facts: EntitlementFacts): EntitlementData {
  const { feature, subscription, limit, currentUsage, periodEnd, now } = facts
  const metered = feature.type === 'metered'
  const usageLimit = metered && typeof limit === 'number' ? limit : null
  let accessDeniedReason: EntitlementData['accessDeniedReason'] = null
  if (!subscription || !subscriptionGrants(subscription, now)) accessDeniedReason = 'NoActiveSubscription'
  else if (limit === undefined || limit === false) accessDeniedReason = 'NoFeatureEntitlementInSubscription'
  else if (usageLimit !== null && currentUsage >= usageLimit) accessDeniedReason = 'RequestedUsageExceedingLimit'
  return {
    featureId: feature.id,
    isGranted: accessDeniedReason === null,
    usageLimit,
    currentUsage,
    resetPeriod: feature.resetPeriod ?? null,
    accessDeniedReason,
    usagePeriodEnd: periodEnd ? periodEnd.toISOString() : null,
    value: feature.type === 'numeric' && typeof limit === 'number' ? limit : null,
    feature: seedFeature(feature),
  }
}

/** A catalog feature as the seed contract's `Feature` (entitlements and plans share it). */
export function seedFeature(feature: CatalogFeature): FeatureInfo {
  return {
    id: feature.id,
    displayName: feature.displayName,
    featureType: feature.type === 'metered' ? 'METERED' : feature.type === 'numeric' ? 'NUMERIC' : 'BOOLEAN',
    units: feature.units ?? null,
    unitsPlural: feature.unitsPlural ?? null,
  }
}
