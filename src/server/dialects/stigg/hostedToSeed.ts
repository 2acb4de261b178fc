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
  const meter = feature?.['meterType']
  // Only metered numbers count usage; a NUMBER without a meter is a configured value, carried in usageLimit.
  const featureType = !feature ? null : feature['featureType'] === 'BOOLEAN' ? 'BOOLEAN' : meter === 'Incremental' || meter === 'Fluctuating' ? 'METERED' : 'NUMERIC'
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
    feature: feature && {
      id: string(feature['refId']) ?? featureId,
      displayName: string(feature['displayName']) ?? featureId,
      featureType,
      units: string(feature['featureUnits']),
      unitsPlural: string(feature['featureUnitsPlural']),
    },
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
