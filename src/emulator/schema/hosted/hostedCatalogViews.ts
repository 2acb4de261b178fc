import type { CatalogPlan } from '../../Catalog'
import type { EmulatorStore } from '../../store/EmulatorStore'
import { hostedFeature, hostedResetPeriods } from './hostedViews'

/**
 * The emulator's catalog in hosted Stigg's shapes. The catalog has one implicit product, no
 * prices (every plan is FREE), no addons and no trials configured on plans: those fields
 * answer their true "none" (`[]`, `null`), not an error.
 */

const product = { refId: 'product-default', displayName: 'Default product', description: 'The emulator catalog: one product holding every plan' }

export function hostedProduct(store: EmulatorStore): Record<string, unknown> {
  return {
    id: product.refId,
    ...product,
    additionalMetaData: null,
    productSettings: () => ({ downgradePlan: hostedPlan(store, store.plan(store.catalog.defaultPlanId)) }),
    plans: () => store.catalog.plans.map((plan) => hostedPlan(store, plan)),
  }
}

/** A plan's features as hosted `PackageEntitlement`s: the limit (metered) or value (numeric), null meaning unlimited. */
function packageEntitlements(store: EmulatorStore, plan: CatalogPlan): Array<Record<string, unknown>> {
  return Object.entries(plan.limits)
    .filter(([, limit]) => limit !== false)
    .map(([featureId, limit]) => {
      const feature = store.feature(featureId)
      return {
        featureId,
        feature: hostedFeature(feature),
        usageLimit: typeof limit === 'number' ? limit : null,
        hasUnlimitedUsage: feature.type !== 'boolean' && limit === null,
        hasSoftLimit: false,
        resetPeriod: feature.resetPeriod ? hostedResetPeriods[feature.resetPeriod] : null,
        hiddenFromWidgets: [],
        isCustom: false,
        displayNameOverride: null,
        enumValues: null,
        isGranted: true,
      }
    })
}

export function hostedPlan(store: EmulatorStore, plan: CatalogPlan): Record<string, unknown> {
  return {
    id: plan.id,
    refId: plan.id,
    displayName: plan.name,
    description: plan.description ?? null,
    billingId: null,
    versionNumber: 1,
    additionalMetaData: null,
    hiddenFromWidgets: [],
    product: () => hostedProduct(store),
    basePlan: null,
    entitlements: () => packageEntitlements(store, plan),
    inheritedEntitlements: [],
    compatibleAddons: [],
    compatiblePackageGroups: [],
    prices: [],
    overagePrices: [],
    pricingType: 'FREE',
    defaultTrialConfig: null,
  }
}
