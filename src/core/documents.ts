/**
 * The GraphQL operations the browser sends. The proxy allows exactly these root fields,
 * so keep this file and the proxy's allow-list in step.
 */

export const entitlementFields = /* GraphQL */ `
fragment StiggEntitlementFields on Entitlement {
  featureId
  isGranted
  usageLimit
  currentUsage
  resetPeriod
  accessDeniedReason
  usagePeriodEnd
  feature { id displayName featureType units unitsPlural }
}`

const batchDocuments = new Map<number, string>()

/**
 * One request for `count` features: aliases `e0…e{n-1}`, feature ids as variables
 * `$f0…`, so each batch size has one document text (the emulator and proxy cache parses by text).
 */
export function entitlementsDocument(count: number): string {
  let document = batchDocuments.get(count)
  if (document === undefined) {
    const variables = Array.from({ length: count }, (_, i) => `$f${i}: String!`).join(', ')
    const fields = Array.from(
      { length: count },
      (_, i) => `  e${i}: customerEntitlement(customerId: $customerId, featureId: $f${i}) { ...StiggEntitlementFields }`,
    ).join('\n')
    document = `query StiggEntitlements($customerId: String!, ${variables}) {\n${fields}\n}\n${entitlementFields}`
    batchDocuments.set(count, document)
  }
  return document
}

export const subscriptionsDocument = /* GraphQL */ `
query StiggSubscriptions($customerId: String!) {
  customerSubscriptions(customerId: $customerId) {
    id status startDate endDate trialEndDate
    plan { id name description }
  }
}`

export const reportUsageDocument = /* GraphQL */ `
mutation StiggReportUsage($input: ReportUsageInput!) {
  reportUsage(input: $input) { id customerId featureId currentUsage usagePeriodEnd timestamp }
}`

export const provisionCustomerDocument = /* GraphQL */ `
mutation StiggProvisionCustomer($input: ProvisionCustomerInput!) {
  provisionCustomer(input: $input) {
    customer { id name email createdAt updatedAt }
    subscription { id status startDate endDate trialEndDate plan { id name description } }
  }
}`
