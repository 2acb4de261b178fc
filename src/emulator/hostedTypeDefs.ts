/**
 * Hosted Stigg's GraphQL schema (`https://api.stigg.io/graphql`), cut down to the root
 * fields react-stigg's 'stigg' dialect uses. Names (fields, arguments, inputs, enums)
 * follow `shared/spec/NOTES.md` and Stigg's generated clients exactly, so documents copied
 * from Stigg's docs run here unchanged. The emulator serves it at `POST /hosted/graphql`,
 * next to the seed contract at `POST /graphql`: both schemas have a `reportUsage`,
 * `provisionCustomer`, `Plan` and `ReportUsageInput` of their own, so one path per schema
 * keeps each exactly as its upstream defines it.
 *
 * Where the emulator accepts a hosted input but cannot honour it, `@emulatorNote` says so.
 */
export const hostedTypeDefs = /* GraphQL */ `
"Where the emulator's hosted dialect differs from hosted Stigg's behaviour."
directive @emulatorNote(reason: String!) on FIELD_DEFINITION | ARGUMENT_DEFINITION | INPUT_FIELD_DEFINITION | ENUM_VALUE

"ISO-8601 date-time string."
scalar DateTime
scalar JSON

type Query {
  "One customer's access to one feature. Unknown customers and features answer a denied entitlement, not an error."
  entitlement(query: FetchEntitlementQuery!): Entitlement!
  "Every feature the customer is entitled to right now."
  cachedEntitlements(query: FetchEntitlementsQuery!): [Entitlement!]!
  "The customer's subscriptions that have not ended (not EXPIRED), newest first."
  getActiveSubscriptions(input: GetActiveSubscriptionsInput!): [CustomerSubscription!]!
}

type Mutation {
  reportUsage(input: ReportUsageInput!): UsageMeasurementWithCurrentUsage!
  provisionCustomer(input: ProvisionCustomerInput!): ProvisionedCustomer!
}

input EntitlementOptions {
  "Usage about to be added (1 when absent): access needs currentUsage + requestedUsage <= usageLimit."
  requestedUsage: Float
  requestedValues: [String!] @emulatorNote(reason: "the emulator has no enum features; ignored")
  shouldTrack: Boolean @emulatorNote(reason: "ignored")
}

input FetchEntitlementQuery {
  customerId: String!
  featureId: String!
  resourceId: String @emulatorNote(reason: "the emulator has no customer resources: any value is denied with CustomerResourceNotFound")
  environmentId: String @emulatorNote(reason: "one environment; ignored")
  options: EntitlementOptions
}

input FetchEntitlementsQuery {
  customerId: String!
  resourceId: String @emulatorNote(reason: "no customer resources: any value is a CustomerResourceNotFound error")
  environmentId: String @emulatorNote(reason: "ignored")
}

input GetActiveSubscriptionsInput {
  customerId: String!
  resourceId: String @emulatorNote(reason: "no customer resources: any value is a CustomerResourceNotFound error")
  resourceIds: [String!] @emulatorNote(reason: "no customer resources: a non-empty list is a CustomerResourceNotFound error")
  environmentId: String @emulatorNote(reason: "ignored")
}

enum UsageUpdateBehavior {
  DELTA
  SET
}

input ReportUsageInput {
  customerId: String!
  featureId: String!
  value: Float!
  "DELTA (when absent) adds value to the usage; SET replaces it."
  updateBehavior: UsageUpdateBehavior
  resourceId: String @emulatorNote(reason: "no customer resources: any value is a CustomerResourceNotFound error")
  "A repeated key is applied once and answers the same result."
  idempotencyKey: String
  dimensions: JSON @emulatorNote(reason: "accepted; usage is not split by dimension")
  createdAt: DateTime @emulatorNote(reason: "accepted; usage counts in the period that contains the emulator's now")
  environmentId: String @emulatorNote(reason: "ignored")
}

enum BillingPeriod {
  MONTHLY
  ANNUALLY
}

input TrialOverrideConfigurationInput {
  isTrial: Boolean!
  trialEndDate: DateTime
}

input ProvisionCustomerSubscriptionInput {
  planId: String!
  billingPeriod: BillingPeriod @emulatorNote(reason: "the catalog has no prices; ignored")
  resourceId: String @emulatorNote(reason: "no customer resources: any value is a CustomerResourceNotFound error")
  startDate: DateTime
  trialOverrideConfiguration: TrialOverrideConfigurationInput
}

input ProvisionCustomerInput {
  "Generated when absent."
  customerId: String
  name: String
  email: String
  billingId: String
  additionalMetaData: JSON @emulatorNote(reason: "accepted; not stored")
  subscriptionParams: ProvisionCustomerSubscriptionInput
  environmentId: String @emulatorNote(reason: "ignored")
}

enum EntitlementResetPeriod {
  YEAR
  MONTH
  WEEK
  DAY
  HOUR
}

enum SubscriptionStatus {
  ACTIVE
  CANCELED
  EXPIRED @emulatorNote(reason: "any subscription whose endDate has passed")
  IN_TRIAL
  NOT_STARTED @emulatorNote(reason: "never produced: the emulator has no scheduled subscriptions")
  PAYMENT_PENDING @emulatorNote(reason: "the emulator's PAUSED: a subscription that grants nothing until it resumes")
}

enum AccessDeniedReason {
  BudgetExceeded
  CustomerIsArchived
  CustomerNotFound
  CustomerResourceNotFound
  EntitlementNotFound
  FeatureNotFound
  FeatureTypeMismatch
  InsufficientCredits
  NoActiveSubscription
  NoFeatureEntitlementInSubscription
  RequestedUsageExceedingLimit
  RequestedValuesMismatch
  Revoked
  Unknown
}

enum FeatureType {
  BOOLEAN
  NUMBER
}

enum MeterType {
  None
  Fluctuating
  Incremental
}

type EntitlementFeature {
  refId: String!
  displayName: String!
  description: String
  featureType: FeatureType!
  meterType: MeterType
  featureUnits: String
  featureUnitsPlural: String
}

type Entitlement {
  isGranted: Boolean!
  accessDeniedReason: AccessDeniedReason
  customerId: String
  resourceId: String
  "Null when there is no limit (hasUnlimitedUsage, or a boolean feature)."
  usageLimit: Float
  hasUnlimitedUsage: Boolean!
  hasSoftLimit: Boolean
  currentUsage: Float
  requestedUsage: Float
  usagePeriodAnchor: DateTime
  usagePeriodStart: DateTime
  usagePeriodEnd: DateTime
  nextResetDate: DateTime
  resetPeriod: EntitlementResetPeriod
  feature: EntitlementFeature
}

type Plan {
  id: String! @emulatorNote(reason: "the emulator has no internal ids: equals refId")
  refId: String!
  displayName: String!
  description: String
}

type Customer {
  id: String! @emulatorNote(reason: "equals customerId")
  customerId: String!
  refId: String!
  name: String
  email: String
  billingId: String
  createdAt: DateTime
  updatedAt: DateTime!
}

type CustomerSubscription {
  id: String! @emulatorNote(reason: "equals subscriptionId")
  subscriptionId: String!
  refId: String!
  status: SubscriptionStatus!
  plan: Plan!
  startDate: DateTime!
  endDate: DateTime
  trialEndDate: DateTime
}

type UsageMeasurementWithCurrentUsage {
  id: String!
  customerId: String!
  featureId: String!
  resourceId: String
  currentUsage: Float
  usagePeriodEnd: DateTime
  nextResetDate: DateTime
  timestamp: DateTime!
}

enum SubscriptionDecisionStrategy {
  PREDEFINED_FREE_PLAN
  PREDEFINED_TRIAL_PLAN
  REQUESTED_PLAN
  SKIPPED_SUBSCRIPTION_CREATION
}

type ProvisionedCustomer {
  customer: Customer!
  subscription: CustomerSubscription
  subscriptionDecisionStrategy: SubscriptionDecisionStrategy!
}
`
