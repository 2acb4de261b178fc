import { ProxyRefusal } from '../../ProxyRefusal'

/** The seed root fields the proxy lets through, each answered by one hosted root field. */
export type SeedRootField = 'customerEntitlement' | 'customerSubscriptions' | 'plans' | 'reportUsage' | 'provisionCustomer'

/** How one seed root field is asked of hosted Stigg. */
export interface HostedField {
  field: string
  argument: string
  /** The GraphQL type of the field's single input variable. */
  inputType: string
  /** Everything `mapHostedResponse` reads, whatever the browser selected. */
  selection: string
  input: Record<string, unknown>
}

const entitlementFragment = /* GraphQL */ `fragment HostedEntitlement on Entitlement {
  isGranted accessDeniedReason usageLimit hasUnlimitedUsage currentUsage resetPeriod usagePeriodEnd nextResetDate
  feature { refId displayName featureType meterType featureUnits featureUnitsPlural }
}`

const subscriptionFragment = /* GraphQL */ `fragment HostedSubscription on CustomerSubscription {
  subscriptionId status startDate endDate trialEndDate
  plan { refId displayName description }
}`

const paywallFragment = /* GraphQL */ `fragment HostedPaywall on Paywall {
  plans {
    refId displayName description
    entitlements { ...HostedPackageEntitlement }
    inheritedEntitlements { ...HostedPackageEntitlement }
    prices { billingPeriod price { amount currency } feature { refId } }
  }
}
fragment HostedPackageEntitlement on PackageEntitlement {
  featureId usageLimit hasUnlimitedUsage resetPeriod
  feature { refId displayName featureType meterType featureUnits featureUnitsPlural }
}`

/** The fragments the hosted fields of `used` spread, each once. */
export function hostedFragments(used: readonly SeedRootField[]): string {
  const fragments: string[] = []
  if (used.includes('customerEntitlement')) fragments.push(entitlementFragment)
  if (used.includes('customerSubscriptions') || used.includes('provisionCustomer')) fragments.push(subscriptionFragment)
  if (used.includes('plans')) fragments.push(paywallFragment)
  return fragments.join('\n')
}

const record = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {}

const refuse = (message: string): never => {
  throw new ProxyRefusal(400, 'BAD_USER_INPUT', message)
}

/** Seed `subscriptionParams` in hosted terms: a status becomes a trial override; what hosted Stigg cannot express is refused. */
function subscriptionParams(value: unknown): Record<string, unknown> | undefined {
  if (value == null) return undefined
  const { planId, status, startDate, endDate, trialEndDate } = record(value)
  if (status === 'PAUSED' || status === 'CANCELED') {
    refuse(`Hosted Stigg cannot provision a subscription in status ${status}; provision it ACTIVE or TRIAL (dialect 'stigg').`)
  }
  if (endDate != null) refuse("Hosted Stigg's provisionCustomer takes no subscription endDate; omit it (dialect 'stigg').")
  if (trialEndDate != null && status !== 'TRIAL') {
    refuse("subscriptionParams.trialEndDate needs status TRIAL with dialect 'stigg' (it becomes trialOverrideConfiguration).")
  }
  const params: Record<string, unknown> = { planId }
  if (startDate != null) params['startDate'] = startDate
  // Without a status the plan's own trial settings apply, as in hosted Stigg.
  if (status === 'TRIAL') params['trialOverrideConfiguration'] = trialEndDate == null ? { isTrial: true } : { isTrial: true, trialEndDate }
  if (status === 'ACTIVE') params['trialOverrideConfiguration'] = { isTrial: false }
  return params
}

/** The hosted field, its input and selection for one seed root field's coerced arguments. */
export function hostedField(seedField: string, args: Record<string, unknown>): HostedField {
  switch (seedField) {
    case 'customerEntitlement':
      return {
        field: 'entitlement',
        argument: 'query',
        inputType: 'FetchEntitlementQuery!',
        selection: '{ ...HostedEntitlement }',
        // A resource-scoped read is forwarded as such; without one, hosted answers for the customer.
        input: { customerId: args['customerId'], featureId: args['featureId'], ...(args['resourceId'] != null && { resourceId: args['resourceId'] }) },
      }
    case 'customerSubscriptions':
      return {
        field: 'getActiveSubscriptions',
        argument: 'input',
        inputType: 'GetActiveSubscriptionsInput!',
        selection: '{ ...HostedSubscription }',
        input: { customerId: args['customerId'] },
      }
    case 'plans':
      return {
        field: 'paywall',
        argument: 'input',
        inputType: 'GetPaywallInput!',
        selection: '{ ...HostedPaywall }',
        input: { customerId: args['customerId'] },
      }
    case 'reportUsage': {
      // Hosted ReportUsageInput has no idempotencyKey (Stigg's published clients, 2.235 and 3.108):
      // sending it would fail variable coercion, so the key is dropped and a retry counts again upstream.
      const { customerId, featureId, value, resourceId } = record(args['input'])
      return {
        field: 'reportUsage',
        argument: 'input',
        inputType: 'ReportUsageInput!',
        selection: '{ id customerId featureId currentUsage usagePeriodEnd nextResetDate timestamp }',
        input: { customerId, featureId, value, ...(resourceId != null && { resourceId }) },
      }
    }
    case 'provisionCustomer': {
      const { customerId, name, email } = record(args['input'])
      const params = subscriptionParams(record(args['input'])['subscriptionParams'])
      const input: Record<string, unknown> = { customerId }
      if (name != null) input['name'] = name
      if (email != null) input['email'] = email
      if (params) input['subscriptionParams'] = params
      return {
        field: 'provisionCustomer',
        argument: 'input',
        inputType: 'ProvisionCustomerInput!',
        selection: '{ customer { customerId name email createdAt updatedAt } subscription { ...HostedSubscription } }',
        input,
      }
    }
    default:
      throw new Error(`react-stigg proxy: dialect 'stigg' has no translation for the root field "${seedField}".`)
  }
}
