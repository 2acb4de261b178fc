import { normaliseResetPeriod } from './decideAccess'
import type { FeatureId, PlanId } from './Register'
import type { EntitlementData, FeatureInfo, ResetPeriod } from './types'

/** A plan's flat price for one billing period. */
export interface PlanPrice {
  amount: number
  /** ISO 4217 code, e.g. `USD`. */
  currency: string
  billingPeriod: 'MONTHLY' | 'ANNUALLY'
}

/** One `plans` item's feature as the proxy returns it (seed shape, whatever the upstream). */
export interface PlanFeatureData {
  featureId: string
  feature: FeatureInfo
  isUnlimited: boolean
  usageLimit: number | null
  value: number | null
  resetPeriod: EntitlementData['resetPeriod']
}

/** One `plans` item as the proxy returns it; what the query cache holds. */
export interface PlanData {
  id: string
  name: string
  description: string | null
  prices: PlanPrice[]
  features: PlanFeatureData[]
}

/** What a plan grants of one feature. */
export interface PlanFeature extends Omit<PlanFeatureData, 'resetPeriod' | 'featureId'> {
  /** A catalog feature id (typed by react-stigg-codegen's file, when present). */
  featureId: FeatureId
  /** A metered limit's reset period, normalised like {@link Entitlement}'s. */
  resetPeriod: ResetPeriod | null
}

/** Where a plan stands against the customer's current plan (catalog order decides up or down). */
export type PaywallPlanState = 'current' | 'upgrade' | 'downgrade'

/** A plan as `usePlans` and `<Paywall>` show it. */
export interface PaywallPlan {
  /** A catalog plan id (typed by react-stigg-codegen's file, when present). */
  id: PlanId
  name: string
  description: string | null
  /** Position in the catalog's display order, from 0. */
  order: number
  /** The monthly price, else the first known one; null when none is known (free, or the upstream has none). */
  price: PlanPrice | null
  prices: PlanPrice[]
  features: PlanFeature[]
  isCurrent: boolean
  /** `upgrade` for plans after the current one in display order (all of them without a current plan). */
  state: PaywallPlanState
  /** Features this plan grants that the current plan lacks, or grants with a lower limit. Empty for the current plan. */
  adds: PlanFeature[]
}

// Unlimited beats any number; a boolean feature is "more" only when it was absent.
const amount = (feature: PlanFeature): number =>
  feature.isUnlimited ? Infinity : (feature.usageLimit ?? feature.value ?? 0)

function gains(plan: readonly PlanFeature[], current: readonly PlanFeature[] | null): PlanFeature[] {
  if (current === null) return [...plan]
  return plan.filter((feature) => {
    const had = current.find((candidate) => candidate.featureId === feature.featureId)
    return had === undefined || amount(feature) > amount(had)
  })
}

/**
 * The catalog's plans (display order) described against the customer's current plan: which is
 * current, which are upgrades or downgrades, and what each adds. Pure; `usePlans` calls it.
 *
 * @example
 * describePlans(data, 'plan-free').find((plan) => plan.id === 'plan-pro')?.adds // analytics, more API calls…
 */
export function describePlans(plans: readonly PlanData[], currentPlanId: string | null): PaywallPlan[] {
  const currentIndex = plans.findIndex((plan) => plan.id === currentPlanId)
  const features = plans.map((plan) =>
    // The answer's ids are the catalog's, the same catalog the generated types describe.
    plan.features.map((feature): PlanFeature => ({ ...feature, featureId: feature.featureId as FeatureId, resetPeriod: normaliseResetPeriod(feature.resetPeriod) })),
  )
  const currentFeatures = currentIndex === -1 ? null : (features[currentIndex] ?? null)
  return plans.map((plan, order) => {
    const own = features[order] ?? []
    const isCurrent = order === currentIndex
    return {
      id: plan.id as PlanId,
      name: plan.name,
      description: plan.description,
      order,
      price: plan.prices.find((price) => price.billingPeriod === 'MONTHLY') ?? plan.prices[0] ?? null,
      prices: plan.prices,
      features: own,
      isCurrent,
      state: isCurrent ? 'current' : currentIndex !== -1 && order < currentIndex ? 'downgrade' : 'upgrade',
      adds: isCurrent ? [] : gains(own, currentFeatures),
    }
  })
}
