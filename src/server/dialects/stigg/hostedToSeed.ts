/**
 * Hosted Stigg's values in the seed contract's shapes, so the browser sees the same data
 * whichever upstream answered. Input is whatever hosted Stigg sent: every field is read
 * defensively, and values the seed enums lack are mapped as documented here.
 */

type Hosted = Record<string, unknown>

const record = (value: unknown): Hosted | null => (typeof value === 'object' && value !== null ? (value as Hosted) : null)
const string = (value: unknown): string | null => (typeof value === 'string' ? value : null)
const number = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null)

/** DateTime arrives as ISO text; epoch milliseconds are accepted too. */
function isoDate(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return new Date(value).toISOString()
  return typeof value === 'string' && value !== '' ? value : null
}

const resetPeriods: Record<string, string> = { HOUR: 'HOURLY', DAY: 'DAILY', WEEK: 'WEEKLY', MONTH: 'MONTHLY', YEAR: 'YEARLY' }

/** Hosted Stigg's denial names; the seed enum carries all of them. A newer name becomes `Unknown`. */
const deniedReasons = new Set([
  'BudgetExceeded',
  'CustomerIsArchived',
  'CustomerNotFound',
  'CustomerResourceNotFound',
  'EntitlementNotFound',
  'FeatureNotFound',
  'FeatureTypeMismatch',
  'InsufficientCredits',
  'NoActiveSubscription',
  'NoFeatureEntitlementInSubscription',
  'RequestedUsageExceedingLimit',
  'RequestedValuesMismatch',
  'Revoked',
  'Unknown',
])

/**
 * Hosted statuses the seed lacks: EXPIRED has ended (CANCELED with a past endDate);
 * NOT_STARTED (scheduled) and PAYMENT_PENDING (awaiting payment) exist but grant nothing
 * yet, which is what the seed's PAUSED means; so does any status newer than this list.
 */
const statuses: Record<string, string> = {
  ACTIVE: 'ACTIVE',
  IN_TRIAL: 'TRIAL',
  CANCELED: 'CANCELED',
  EXPIRED: 'CANCELED',
  NOT_STARTED: 'PAUSED',
  PAYMENT_PENDING: 'PAUSED',
}

/** `entitlement(query:)` → `customerEntitlement`; `featureId` comes from the request (hosted has only `feature.refId`). */
export function seedEntitlement(value: unknown, featureId: string): Hosted | null {
  const hosted = record(value)
  if (!hosted) return null
  const feature = record(hosted['feature'])
  const reason = string(hosted['accessDeniedReason'])
  const featureType = feature && seedFeatureType(feature)
  const usageLimit = hosted['hasUnlimitedUsage'] === true ? null : number(hosted['usageLimit'])
  return {
    featureId,
    isGranted: hosted['isGranted'] === true,
    usageLimit: featureType === 'NUMERIC' ? null : usageLimit,
    currentUsage: number(hosted['currentUsage']) ?? 0,
    resetPeriod: resetPeriods[string(hosted['resetPeriod']) ?? ''] ?? null,
    accessDeniedReason: reason === null ? null : deniedReasons.has(reason) ? reason : 'Unknown',
    usagePeriodEnd: isoDate(hosted['usagePeriodEnd']) ?? isoDate(hosted['nextResetDate']),
    value: featureType === 'NUMERIC' ? usageLimit : null,
    feature: feature && seedFeature(feature, featureId),
  }
}

// Only metered numbers count usage; a NUMBER without a meter is a configured value, carried in usageLimit.
function seedFeatureType(feature: Hosted): 'BOOLEAN' | 'METERED' | 'NUMERIC' {
  const meter = feature['meterType']
  return feature['featureType'] === 'BOOLEAN' ? 'BOOLEAN' : meter === 'Incremental' || meter === 'Fluctuating' ? 'METERED' : 'NUMERIC'
}

/** Hosted `Feature` → seed `Feature`: `refId` is the id. */
function seedFeature(feature: Hosted, featureId: string): Hosted {
  return {
    id: string(feature['refId']) ?? featureId,
    displayName: string(feature['displayName']) ?? featureId,
    featureType: seedFeatureType(feature),
    units: string(feature['featureUnits']),
    unitsPlural: string(feature['featureUnitsPlural']),
  }
}

/** `CustomerSubscription` → seed `Subscription`: `subscriptionId` is the id, the plan's `refId`/`displayName` its `id`/`name`. */
export function seedSubscription(value: unknown, now: Date): Hosted | null {
  const hosted = record(value)
  if (!hosted) return null
  const plan = record(hosted['plan'])
  const status = string(hosted['status']) ?? ''
  const endDate = isoDate(hosted['endDate'])
  return {
    id: string(hosted['subscriptionId']) ?? hosted['id'],
    // A status newer than this list exists but is not known to grant anything: PAUSED, never an error that hides the plan.
    status: statuses[status] ?? 'PAUSED',
    plan: plan && { id: plan['refId'], name: plan['displayName'], description: string(plan['description']) },
    startDate: isoDate(hosted['startDate']),
    // EXPIRED without an end date has ended by now at the latest; a null endDate would read as "still running".
    endDate: status === 'EXPIRED' && endDate === null ? now.toISOString() : endDate,
    trialEndDate: isoDate(hosted['trialEndDate']),
  }
}

/** `getActiveSubscriptions` → `customerSubscriptions`, newest first like the seed contract. */
export function seedSubscriptions(value: unknown, now: Date): Hosted[] | null {
  if (!Array.isArray(value)) return null
  const start = (subscription: Hosted | null) => Date.parse(String(subscription?.['startDate'] ?? '')) || 0
  return value.map((item) => seedSubscription(item, now)).sort((a, b) => start(b) - start(a)) as Hosted[]
}

export function seedMeasurement(value: unknown): Hosted | null {
  const hosted = record(value)
  if (!hosted) return null
  return {
    id: hosted['id'],
    customerId: hosted['customerId'],
    featureId: hosted['featureId'],
    currentUsage: number(hosted['currentUsage']),
    usagePeriodEnd: isoDate(hosted['usagePeriodEnd']) ?? isoDate(hosted['nextResetDate']),
    timestamp: isoDate(hosted['timestamp']),
  }
}

/** `ProvisionedCustomer` → seed `ProvisionCustomerResult`: the customer's id is hosted `customerId`. */
export function seedProvision(value: unknown, now: Date): Hosted | null {
  const hosted = record(value)
  if (!hosted) return null
  const customer = record(hosted['customer'])
  return {
    customer: customer && {
      id: customer['customerId'],
      name: string(customer['name']),
      email: string(customer['email']),
      createdAt: isoDate(customer['createdAt']),
      updatedAt: isoDate(customer['updatedAt']),
    },
    subscription: seedSubscription(hosted['subscription'], now),
  }
}

/** `PackageEntitlement` → seed `PlanFeature`: a metered limit or a numeric value, null (with `isUnlimited`) when unlimited. */
function seedPlanFeature(value: unknown): Hosted | null {
  const hosted = record(value)
  const feature = record(hosted?.['feature'])
  const featureId = string(feature?.['refId']) ?? string(hosted?.['featureId'])
  if (!hosted || !feature || featureId === null) return null
  const featureType = seedFeatureType(feature)
  const isUnlimited = featureType !== 'BOOLEAN' && hosted['hasUnlimitedUsage'] === true
  const limit = isUnlimited ? null : number(hosted['usageLimit'])
  return {
    featureId,
    feature: seedFeature(feature, featureId),
    isUnlimited,
    usageLimit: featureType === 'METERED' ? limit : null,
    value: featureType === 'NUMERIC' ? limit : null,
    resetPeriod: featureType === 'METERED' ? (resetPeriods[string(hosted['resetPeriod']) ?? ''] ?? null) : null,
  }
}

/**
 * `paywall` → seed `plans`, in the paywall's (display) order. A plan's features are its
 * inherited ones (from a base plan) overridden by its own; its prices are the flat fees
 * (per-unit prices name a feature and are left out).
 */
export function seedPlans(value: unknown): Hosted[] | null {
  const plans = record(value)?.['plans']
  if (!Array.isArray(plans)) return null
  return plans.flatMap((item) => {
    const plan = record(item)
    const id = string(plan?.['refId'])
    if (!plan || id === null) return []
    const features = new Map<string, Hosted>()
    for (const list of [plan['inheritedEntitlements'], plan['entitlements']]) {
      for (const entry of Array.isArray(list) ? list : []) {
        const feature = seedPlanFeature(entry)
        if (feature) features.set(String(feature['featureId']), feature)
      }
    }
    const prices = (Array.isArray(plan['prices']) ? plan['prices'] : []).flatMap((entry) => {
      const price = record(entry)
      const money = record(price?.['price'])
      const amount = number(money?.['amount'])
      const period = string(price?.['billingPeriod'])
      if (!price || price['feature'] != null || amount === null || (period !== 'MONTHLY' && period !== 'ANNUALLY')) return []
      return [{ amount, currency: string(money?.['currency']) ?? 'USD', billingPeriod: period }]
    })
    return [{ id, name: string(plan['displayName']) ?? id, description: string(plan['description']), prices, features: [...features.values()] }]
  })
}
