// react-stigg: the browser/SSR entry. Every export is named here on purpose; test/package/exports.test.ts lists them.

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

// --- the type-level catalog, filled in by react-stigg-codegen's declaration file (src/core/Register.ts) ---
export type {
  BooleanEntitlement,
  EntitlementOf,
  FeatureId,
  FeatureIdOfKind,
  FeatureKind,
  MeteredEntitlement,
  MeteredFeatureId,
  NumericEntitlement,
  PlanId,
  Register,
  RegisteredCatalog,
} from './core/Register'

// --- provider and hooks (src/react) ---
export { StiggProvider } from './react/StiggProvider'
export type { StiggProviderProps } from './react/StiggProvider'
export { useStigg } from './react/useStigg'
export type { UseStiggResult } from './react/useStigg'
export type { StiggInvalidateFilter } from './react/StiggContext'
export { useEntitlement } from './react/useEntitlement'
export type { UseEntitlementOptions, UseEntitlementResult } from './react/useEntitlement'
export { useEntitlements } from './react/useEntitlements'
export type { UseEntitlementsOptions, UseEntitlementsResult } from './react/useEntitlements'
export { useSubscription } from './react/useSubscription'
export type { UseSubscriptionOptions, UseSubscriptionResult } from './react/useSubscription'
export { useReportUsage } from './react/useReportUsage'
export type { UseReportUsageResult } from './react/useReportUsage'
export { useProvisionCustomer } from './react/useProvisionCustomer'
export type { UseProvisionCustomerResult } from './react/useProvisionCustomer'
export { usePlans } from './react/usePlans'
export type { UsePlansOptions, UsePlansResult } from './react/usePlans'
export { useAwaitEntitlement } from './react/useAwaitEntitlement'
export type { AwaitEntitlementStatus, UseAwaitEntitlementOptions, UseAwaitEntitlementResult } from './react/useAwaitEntitlement'

// --- framework-free pieces for custom hooks and non-React code (src/core) ---
export { StiggError } from './core/StiggError'
export type { StiggErrorOptions } from './core/StiggError'
export { createStiggClient } from './core/createStiggClient'
export { reportUsage } from './core/reportUsage'
export type { EntitlementResults, StiggClient, StiggClientOptions } from './core/createStiggClient'
export { createEntitlementBatcher } from './core/createEntitlementBatcher'
export type { EntitlementBatcher } from './core/createEntitlementBatcher'
export { decideAccess } from './core/decideAccess'
export type { DecideAccessOptions } from './core/decideAccess'
export type { FallbackEntitlement } from './core/fallbackEntitlement'
export { pickCurrentSubscription } from './core/subscriptions'
export { stiggKeys } from './core/stiggKeys'
export type { EntitlementQueryKey, SubscriptionsQueryKey } from './core/stiggKeys'
export { entitlementQueryOptions } from './core/entitlementQueryOptions'
export type { EntitlementQueryParams, StiggQueryOptions } from './core/entitlementQueryOptions'
export { subscriptionQueryOptions } from './core/subscriptionQueryOptions'
export { reportUsageMutationOptions } from './core/reportUsageMutationOptions'
export type { ReportUsageContext } from './core/reportUsageMutationOptions'
export type { StiggQueryContext } from './core/StiggQueryContext'
export { prefetchEntitlements } from './core/prefetchEntitlements'
export type { PrefetchEntitlementsOptions } from './core/prefetchEntitlements'
export { describePlans } from './core/plans'
export type { PaywallPlan, PaywallPlanState, PlanData, PlanFeature, PlanFeatureData, PlanPrice } from './core/plans'
export { fetchPlans, findPlan, plansQueryKey, plansQueryOptions } from './core/plansQueryOptions'
export type { PlansQueryKey } from './core/plansQueryOptions'
export { waitForEntitlement } from './core/waitForEntitlement'
export type { WaitForEntitlementOptions, WaitForEntitlementTarget } from './core/waitForEntitlement'

// --- components by feature (src/components/gate, src/components/meter, src/components/paywall) ---
export { FeatureGate } from './components/gate/FeatureGate'
export type { FeatureGateProps, FeatureGateSlot } from './components/gate/FeatureGate'
export { useFeatureGate } from './components/gate/useFeatureGate'
export type {
  FeatureGateState,
  FeatureGateTarget,
  UseFeatureGateOptions,
  UseFeatureGateResult,
} from './components/gate/useFeatureGate'
export type { FeatureGateMatch, FeatureGateStatus } from './components/gate/decideGate'
export { PlanGate } from './components/gate/PlanGate'
export type { PlanGateProps } from './components/gate/PlanGate'
export { usePlanGate } from './components/gate/usePlanGate'
export type { UsePlanGateOptions, UsePlanGateResult } from './components/gate/usePlanGate'
export { PLAN_MISMATCH } from './components/gate/decidePlanGate'
export { UsageMeter } from './components/meter/UsageMeter'
export type { UsageMeterProps } from './components/meter/UsageMeter'
export { useUsageMeter } from './components/meter/useUsageMeter'
export type { UsageMeterAriaProps, UseUsageMeterOptions, UseUsageMeterResult } from './components/meter/useUsageMeter'
export type { UsageMeterState } from './components/meter/computeUsageMeter'
export { Paywall } from './components/paywall/Paywall'
export type { PaywallProps } from './components/paywall/Paywall'
export { usePaywall } from './components/paywall/usePaywall'
export type { PaywallPlanProps, PaywallState, UsePaywallOptions, UsePaywallResult } from './components/paywall/usePaywall'
