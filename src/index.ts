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

// --- components (src/components) ---
