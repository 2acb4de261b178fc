import type { Catalog, CatalogResetPeriod } from '../emulator'

/** One feature as a test wants it; `{}` is a granted boolean feature. */
export interface TestEntitlement {
  /** A number makes the feature metered; null makes it metered and unlimited. */
  usageLimit?: number | null
  /** Makes the feature metered. @default 0 */
  currentUsage?: number
  /** False leaves the feature out of the plan. @default true */
  isGranted?: boolean
  /** Force the kind when the other fields do not tell. */
  type?: 'boolean' | 'metered'
  /** @default 'MONTHLY' for metered features */
  resetPeriod?: CatalogResetPeriod | null
  displayName?: string
  units?: string
  unitsPlural?: string
}

/** The test customer's subscription. */
export interface TestSubscription {
  /** @default 'plan-test' with `entitlements`, else the customer's seeded plan */
  planId?: string
  /** @default 'Test plan' */
  planName?: string
  /** @default 'ACTIVE' */
  status?: 'ACTIVE' | 'TRIAL' | 'PAUSED' | 'CANCELED'
  startDate?: Date | string
  endDate?: Date | string | null
  trialEndDate?: Date | string | null
}

export const isMetered = (spec: TestEntitlement) =>
  spec.type === 'metered' || (spec.type === undefined && (spec.usageLimit !== undefined || spec.currentUsage !== undefined))

/** One feature per key, one plan holding the granted ones. */
export function catalogFromEntitlements(
  entitlements: Readonly<Record<string, TestEntitlement>>,
  subscription: TestSubscription = {},
): Catalog {
  const planId = subscription.planId ?? 'plan-test'
  const limits: Record<string, number | boolean | null> = {}
  const features = Object.entries(entitlements).map(([id, spec]) => {
    const metered = isMetered(spec)
    if (spec.isGranted !== false) limits[id] = metered ? (spec.usageLimit ?? null) : true
    const resetPeriod = spec.resetPeriod === undefined ? 'MONTHLY' : spec.resetPeriod
    return {
      id,
      displayName: spec.displayName ?? id,
      type: metered ? ('metered' as const) : ('boolean' as const),
      ...(spec.units === undefined ? {} : { units: spec.units }),
      ...(spec.unitsPlural === undefined ? {} : { unitsPlural: spec.unitsPlural }),
      ...(metered && resetPeriod !== null ? { resetPeriod } : {}),
    }
  })
  return { features, plans: [{ id: planId, name: subscription.planName ?? 'Test plan', limits }], defaultPlanId: planId }
}
