import type { MeteredFeatureId } from './Register'

/** Normalised reset period: seed `MONTHLY` and hosted `MONTH` both become `MONTH`. */
export type ResetPeriod = 'HOUR' | 'DAY' | 'WEEK' | 'MONTH' | 'YEAR'

/** Stigg's names for why access was denied. Other strings may arrive from hosted Stigg. */
export type AccessDeniedReason =
  | 'NoActiveSubscription'
  | 'NoFeatureEntitlementInSubscription'
  | 'RequestedUsageExceedingLimit'
  | 'CustomerNotFound'
  | 'FeatureNotFound'
  | 'Unknown'
  | (string & {})

/** `NUMERIC`: a configured number with no usage (hosted Stigg's NUMBER feature without a meter, e.g. "max projects: 5"). */
export type FeatureType = 'BOOLEAN' | 'METERED' | 'NUMERIC'

/** Display metadata of a feature, for gates and meters. */
export interface FeatureInfo {
  id: string
  displayName: string
  featureType: FeatureType
  /** Singular unit, e.g. "API call". */
  units: string | null
  /** Plural unit, e.g. "API calls". */
  unitsPlural: string | null
}

/**
 * One `customerEntitlement` result exactly as the proxy returns it (seed shape, whatever
 * the upstream). This is what the query cache holds; {@link Entitlement} is derived from it.
 */
export interface EntitlementData {
  featureId: string
  isGranted: boolean
  usageLimit: number | null
  currentUsage: number
  resetPeriod: 'HOURLY' | 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'YEARLY' | null
  accessDeniedReason: AccessDeniedReason | null
  usagePeriodEnd: string | null
  feature: FeatureInfo | null
  /** A numeric feature's configured value; null when unlimited or not numeric (absent from upstreams that predate it). */
  value?: number | null
}

/** A customer's access to one feature: what every hook and component sees. */
export interface Entitlement {
  featureId: string
  /** The feature is in the customer's plan (and the subscription grants entitlements). */
  isGranted: boolean
  /** The final decision: granted and, for limited features, `currentUsage + requestedUsage <= usageLimit`. */
  hasAccess: boolean
  /** A metered feature with no limit. */
  isUnlimited: boolean
  /** Null when unlimited or for a boolean feature. */
  usageLimit: number | null
  currentUsage: number
  /** `usageLimit - currentUsage`, never below 0; null when there is no limit. */
  remaining: number | null
  requestedUsage: number
  resetPeriod: ResetPeriod | null
  usagePeriodEnd: Date | null
  accessDeniedReason: AccessDeniedReason | null
  /** True when this value came from `fallbackEntitlements`, not from Stigg. */
  isFallback: boolean
  feature: FeatureInfo | null
  /**
   * A numeric feature's configured value (e.g. 5 for "max projects: 5"); null for boolean and
   * metered features, and for an unlimited numeric feature (then `isUnlimited` is true).
   */
  value: number | null
}

export type SubscriptionStatus = 'ACTIVE' | 'TRIAL' | 'PAUSED' | 'CANCELED'

export interface Plan {
  id: string
  name: string
  description: string | null
}

/** One `customerSubscriptions` item as the proxy returns it (dates as ISO strings). */
export interface SubscriptionData {
  id: string
  status: SubscriptionStatus
  plan: Plan
  startDate: string | null
  endDate: string | null
  trialEndDate: string | null
}

/** A customer's subscription as the hooks return it. */
export interface Subscription {
  id: string
  status: SubscriptionStatus
  plan: Plan
  startDate: Date | null
  endDate: Date | null
  trialEndDate: Date | null
}

/** What `reportUsage` answers. */
export interface UsageMeasurement {
  id: string
  customerId: string
  featureId: string
  currentUsage: number
  usagePeriodEnd: string | null
  timestamp: string
}

export interface ReportUsageParams {
  /** A metered feature; with react-stigg-codegen's file, only those ids compile. */
  featureId: MeteredFeatureId
  value: number
  /** Generated once per report when omitted, and reused across retries. */
  idempotencyKey?: string
}

export interface ProvisionCustomerParams {
  name?: string
  email?: string
  subscriptionParams?: {
    planId: string
    status?: SubscriptionStatus
    startDate?: string
    endDate?: string
    trialEndDate?: string
  }
}

export interface Customer {
  id: string
  name: string | null
  email: string | null
  createdAt: string | null
  updatedAt: string | null
}

export interface ProvisionCustomerResult {
  customer: Customer
  subscription: SubscriptionData | null
}
