// react-stigg: the browser/SSR entry. Every export is named here on purpose.

// --- core types (src/core) ---
export type {
  AccessDeniedReason,
  Customer,
  Entitlement,
  EntitlementData,
  FeatureInfo,
  FeatureType,
  Plan,
  ProvisionCustomerParams,
  ProvisionCustomerResult,
  ReportUsageParams,
  ResetPeriod,
  Subscription,
  SubscriptionData,
  SubscriptionStatus,
  UsageMeasurement,
} from './core/types'

// --- core + hooks (src/core, src/react) ---
export { StiggProvider } from './react/StiggProvider'
export type { StiggProviderProps } from './react/StiggProvider'
export { useStigg } from './react/useStigg'
export type { UseStiggResult } from './react/useStigg'
export { useEntitlement } from './react/useEntitlement'
export type { UseEntitlementOptions, UseEntitlementResult } from './react/useEntitlement'
export { useEntitlements } from './react/useEntitlements'
export type { UseEntitlementsOptions, UseEntitlementsResult } from './react/useEntitlements'
export { useSubscription } from './react/useSubscription'
export type { UseSubscriptionResult } from './react/useSubscription'
export { useReportUsage } from './react/useReportUsage'
export type { UseReportUsageResult } from './react/useReportUsage'
export { useProvisionCustomer } from './react/useProvisionCustomer'
export type { UseProvisionCustomerResult } from './react/useProvisionCustomer'
export { StiggError, isRetryableStatus, parseRetryAfter } from './core/StiggError'
export type { StiggErrorOptions } from './core/StiggError'
export { createStiggClient, maxEntitlementsPerRequest } from './core/createStiggClient'
export type { EntitlementResults, StiggClient, StiggClientOptions } from './core/createStiggClient'
export { createEntitlementBatcher } from './core/createEntitlementBatcher'
export type { EntitlementBatcher } from './core/createEntitlementBatcher'
export { decideAccess, normaliseResetPeriod } from './core/decideAccess'
export type { DecideAccessOptions } from './core/decideAccess'
export { fallbackEntitlement } from './core/fallbackEntitlement'
export type { FallbackEntitlement } from './core/fallbackEntitlement'
export { pickCurrentSubscription, toSubscription } from './core/subscriptions'
export { applyUsage, withUsage } from './core/applyUsage'
export { stiggKeys } from './core/stiggKeys'
export type { EntitlementQueryKey, SubscriptionsQueryKey } from './core/stiggKeys'
export { entitlementQueryOptions } from './core/entitlementQueryOptions'
export type { EntitlementQueryParams, StiggQueryOptions } from './core/entitlementQueryOptions'
export { subscriptionQueryOptions } from './core/subscriptionQueryOptions'
export { reportUsageMutationOptions, idempotencyKeyFor } from './core/reportUsageMutationOptions'
export type { ReportUsageContext } from './core/reportUsageMutationOptions'
export { provisionCustomerMutationOptions } from './core/provisionCustomerMutationOptions'
export type { StiggQueryContext } from './core/StiggQueryContext'
export { shouldRetry, retryDelay, maxRetries } from './core/retry'
export { prefetchEntitlements } from './core/prefetchEntitlements'
export type { PrefetchEntitlementsOptions } from './core/prefetchEntitlements'

// --- components (src/components) ---
export { FeatureGate } from './components/FeatureGate'
export type { FeatureGateProps, FeatureGateSlot } from './components/FeatureGate'
export { useFeatureGate } from './components/useFeatureGate'
export type {
  FeatureGateState,
  FeatureGateTarget,
  UseFeatureGateOptions,
  UseFeatureGateResult,
} from './components/useFeatureGate'
export { PLAN_MISMATCH } from './components/decideGate'
export type { FeatureGateMatch, FeatureGateStatus } from './components/decideGate'
export { UsageMeter } from './components/UsageMeter'
export type { UsageMeterProps } from './components/UsageMeter'
export { useUsageMeter } from './components/useUsageMeter'
export type { UsageMeterAriaProps, UseUsageMeterOptions, UseUsageMeterResult } from './components/useUsageMeter'
export type { UsageMeterState } from './components/computeUsageMeter'
