/**
 * The seed contract (`shared/spec/stigg-api.openapi.yaml`) as GraphQL SDL, plus the
 * extensions the hooks need. Every field or argument that the seed contract does not
 * name carries `@extension`, so a reader can tell the contract from our additions.
 *
 * Shared by the emulator (which executes it) and the proxy (which validates browser
 * operations against it before anything is forwarded).
 */
export const seedTypeDefs = /* GraphQL */ `
"Marks a field, argument or type that the seed contract does not define: a react-stigg extension."
directive @extension(reason: String) on FIELD_DEFINITION | ARGUMENT_DEFINITION | INPUT_FIELD_DEFINITION | OBJECT | INPUT_OBJECT | ENUM

type Query {
  "A customer's access to one feature. Null (with an error) when the customer or feature does not exist."
  customerEntitlement(
    customerId: String!
    featureId: String!
    "A resource of the customer (workspace, project): its own usage against the plan's limits."
    resourceId: String @extension(reason: "Stigg's resource-scoped entitlements (hosted: FetchEntitlementQuery.resourceId)")
  ): Entitlement

  "A customer's subscriptions, newest first."
  customerSubscriptions(customerId: String!): [Subscription!]! @extension(reason: "the hooks read the current plan")

  "The catalog's plans in display order, with what each grants, as offered to this customer (who must exist)."
  plans(customerId: String!): [PaywallPlan!]! @extension(reason: "usePlans and <Paywall>; hosted Stigg's paywall")
}

type Mutation {
  provisionCustomer(input: ProvisionCustomerInput!): ProvisionCustomerResult!
  reportUsage(input: ReportUsageInput!): UsageMeasurement!
}

enum ResetPeriod {
  HOURLY
  DAILY
  WEEKLY
  MONTHLY
  YEARLY
}

enum SubscriptionStatus {
  ACTIVE
  TRIAL
  PAUSED
  CANCELED
}

enum FeatureType @extension(reason: "boolean features have no limit; metered ones count usage; numeric ones carry a configured value") {
  BOOLEAN
  METERED
  NUMERIC
}

"Stigg's names for why access was denied. The emulator gives the first six; the rest come from hosted Stigg through the 'stigg' dialect."
enum AccessDeniedReason @extension {
  NoActiveSubscription
  NoFeatureEntitlementInSubscription
  RequestedUsageExceedingLimit
  CustomerNotFound
  FeatureNotFound
  Unknown
  BudgetExceeded
  CustomerIsArchived
  CustomerResourceNotFound
  EntitlementNotFound
  FeatureTypeMismatch
  InsufficientCredits
  RequestedValuesMismatch
  Revoked
}

type Feature @extension(reason: "display metadata for meters and gates") {
  id: String!
  displayName: String!
  featureType: FeatureType!
  "Singular unit name, e.g. 'API call'."
  units: String
  "Plural unit name, e.g. 'API calls'."
  unitsPlural: String
}

type Entitlement {
  featureId: String! @extension
  isGranted: Boolean!
  "Null means unlimited (or a boolean feature, which has no limit)."
  usageLimit: Float
  currentUsage: Float!
  resetPeriod: ResetPeriod
  accessDeniedReason: AccessDeniedReason @extension
  "ISO-8601 end of the current usage period; null when usage never resets."
  usagePeriodEnd: String @extension
  feature: Feature @extension
  "A NUMERIC feature's configured value (hosted Stigg's NUMBER feature without a meter); null when unlimited or not numeric."
  value: Float @extension
}

type Plan {
  id: String!
  name: String!
  description: String
}

enum BillingPeriod @extension {
  MONTHLY
  ANNUALLY
}

type PlanPrice @extension(reason: "a plan's flat price; hosted Stigg's Price") {
  amount: Float!
  "ISO 4217 code, e.g. USD."
  currency: String!
  billingPeriod: BillingPeriod!
}

type PlanFeature @extension(reason: "what a plan grants of one feature; hosted Stigg's PackageEntitlement") {
  featureId: String!
  feature: Feature!
  "A metered or numeric feature with no limit."
  isUnlimited: Boolean!
  "A metered feature's limit; null when unlimited or not metered."
  usageLimit: Float
  "A numeric feature's configured value; null when unlimited or not numeric."
  value: Float
  resetPeriod: ResetPeriod
}

type PaywallPlan @extension(reason: "a plan as a paywall shows it") {
  id: String!
  name: String!
  description: String
  "Flat prices, one per billing period; empty when the plan is free or has no known price."
  prices: [PlanPrice!]!
  "Every feature the plan includes; a feature that is absent is not in the plan."
  features: [PlanFeature!]!
}

type Customer {
  id: String!
  name: String
  email: String
  createdAt: String
  updatedAt: String
}

type Subscription {
  id: String!
  status: SubscriptionStatus!
  plan: Plan!
  startDate: String
  endDate: String
  trialEndDate: String @extension
}

type ProvisionCustomerResult {
  customer: Customer!
  subscription: Subscription
}

type UsageMeasurement {
  id: String!
  customerId: String! @extension
  featureId: String! @extension
  currentUsage: Float! @extension
  usagePeriodEnd: String @extension
  timestamp: String! @extension
}

input ReportUsageInput {
  customerId: String!
  featureId: String!
  value: Float!
  "A repeated key is applied once and answers the same result."
  idempotencyKey: String @extension
  "Counts the usage for this resource of the customer (hosted: ReportUsageInput.resourceId)."
  resourceId: String @extension
}

input SubscriptionParamsInput @extension {
  planId: String!
  status: SubscriptionStatus
  startDate: String
  endDate: String
  trialEndDate: String
}

input ProvisionCustomerInput {
  customerId: String!
  name: String
  email: String
  subscriptionParams: SubscriptionParamsInput @extension
}
`
