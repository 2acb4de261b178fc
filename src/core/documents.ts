/**
 * The GraphQL operations the browser sends, as plain strings: nothing parses them in the
 * browser (the proxy and the emulator do, server side). Written compact on purpose, since
 * every byte here ships to every page. The proxy allows exactly these root fields, so keep
 * this file and the proxy's allow-list in step.
 */

const plan = 'plan{id name description}'
const subscription = `id status startDate endDate trialEndDate ${plan}`

export const entitlementFields =
  'fragment StiggEntitlementFields on Entitlement{featureId isGranted usageLimit currentUsage resetPeriod accessDeniedReason usagePeriodEnd value feature{id displayName featureType units unitsPlural}}'

const batchDocuments = new Map<string, string>()

/**
 * One request for `count` features: aliases `e0…e{n-1}`, feature ids as variables
 * `$f0…`, so each batch size has one document text (the emulator and proxy cache parses by text).
 * `scoped` adds `$resourceId` (resource-scoped entitlements).
 */
export function entitlementsDocument(count: number, scoped?: boolean): string {
  const resource = scoped ? ',resourceId:$resourceId' : ''
  let document = batchDocuments.get(count + resource)
  if (document === undefined) {
    let variables = scoped ? ',$resourceId:String' : ''
    let fields = ''
    for (let i = 0; i < count; i++) {
      variables += `,$f${i}:String!`
      // One alias per line, indented as graphql-js prints it, so error `locations` read the same through the proxy.
      fields += `  e${i}:customerEntitlement(customerId:$customerId,featureId:$f${i}${resource}){...StiggEntitlementFields}\n`
    }
    document = `query StiggEntitlements($customerId:String!${variables}){\n${fields}}${entitlementFields}`
    batchDocuments.set(count + resource, document)
  }
  return document
}

export const subscriptionsDocument = `query StiggSubscriptions($customerId:String!){customerSubscriptions(customerId:$customerId){${subscription}}}`

export const reportUsageDocument =
  'mutation StiggReportUsage($input:ReportUsageInput!){reportUsage(input:$input){id customerId featureId currentUsage usagePeriodEnd timestamp}}'

// Spelled out, not interpolated: bundlers keep an unused template literal with `${}` (it could
// call toString), and this document must drop out of apps that never provision (test/bundle).
export const provisionCustomerDocument =
  'mutation StiggProvisionCustomer($input:ProvisionCustomerInput!){provisionCustomer(input:$input){customer{id name email createdAt updatedAt}subscription{id status startDate endDate trialEndDate plan{id name description}}}}'
