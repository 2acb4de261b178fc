import type { PlanData } from '../../../core/plans'
import type { EmulatorStore } from '../../store/EmulatorStore'
import { seedFeature } from '../../store/decideEntitlement'

/**
 * The seed `plans` root field: the catalog's plans in catalog order (the display order), each
 * with its features. The catalog has no prices, so `prices` is empty. The customer must exist,
 * as with hosted Stigg's paywall for a customer: a typo'd id fails instead of looking signed in.
 */
export function seedPlans(store: EmulatorStore, customerId: string): PlanData[] {
  store.customerRecord(customerId)
  return store.catalog.plans.map((plan) => ({
    id: plan.id,
    name: plan.name,
    description: plan.description ?? null,
    prices: [],
    features: Object.entries(plan.limits)
      .filter(([, limit]) => limit !== false)
      .map(([featureId, limit]) => {
        const feature = store.feature(featureId)
        const unlimited = feature.type !== 'boolean' && limit === null
        return {
          featureId,
          feature: seedFeature(feature),
          isUnlimited: unlimited,
          usageLimit: feature.type === 'metered' && typeof limit === 'number' ? limit : null,
          value: feature.type === 'numeric' && typeof limit === 'number' ? limit : null,
          resetPeriod: feature.resetPeriod ?? null,
        }
      }),
  }))
}
