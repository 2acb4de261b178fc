import { EmulatorError } from '../../EmulatorError'
import type { EmulatorStore } from '../../store/EmulatorStore'
import type { SubscriptionRecord } from '../../types'
import { hostedPlan, hostedProduct } from './hostedCatalogViews'
import { activeSubscriptions, hostedCustomer, hostedMeasurement, hostedSubscription } from './hostedCustomerViews'
import { listSubscriptions, type SubscriptionsArgs } from './listSubscriptions'
import { cachedEntitlements, deniedEntitlement, hostedEntitlement } from './hostedViews'

type Maybe<T> = T | null | undefined

interface UsageArgs {
  customerId: string
  featureId: string
  value: number
  updateBehavior?: Maybe<'DELTA' | 'SET'>
  resourceId?: Maybe<string>
}

interface SubscriptionParams {
  planId: string
  resourceId?: Maybe<string>
  startDate?: Maybe<string>
  trialOverrideConfiguration?: Maybe<{ isTrial: boolean; trialEndDate?: Maybe<string> }>
}

interface ProvisionArgs {
  customerId?: Maybe<string>
  refId?: Maybe<string>
  name?: Maybe<string>
  email?: Maybe<string>
  billingId?: Maybe<string>
  subscriptionParams?: Maybe<SubscriptionParams>
}

/** The emulator has one customer and no resources under it; saying so beats silently ignoring the id. */
function refuseResources(...ids: Array<Maybe<string | readonly string[]>>): void {
  const given = ids.flat().filter((id) => id != null)
  if (given.length > 0) {
    throw new EmulatorError('CustomerResourceNotFound', `Resource "${String(given[0])}" not found: the emulator has no customer resources; omit resourceId`)
  }
}

function requestedUsageOf(options: Maybe<{ requestedUsage?: Maybe<number> }>): number {
  const requested = options?.requestedUsage ?? 1
  if (!Number.isFinite(requested) || requested < 0) {
    throw new EmulatorError('BAD_USER_INPUT', `options.requestedUsage must be a finite number ≥ 0, got ${requested}`)
  }
  return requested
}

/** A trial override makes a TRIAL subscription; otherwise ACTIVE. */
function subscriptionPatch(params: SubscriptionParams): { planId: string; status: 'TRIAL' | 'ACTIVE'; startDate?: string; trialEndDate?: string } {
  const trial = params.trialOverrideConfiguration ?? undefined
  return {
    planId: params.planId,
    status: trial?.isTrial ? 'TRIAL' : 'ACTIVE',
    ...(params.startDate != null ? { startDate: params.startDate } : {}),
    ...(trial?.isTrial && trial.trialEndDate != null ? { trialEndDate: trial.trialEndDate } : {}),
  }
}

/**
 * Root resolvers of the hosted schema: the same store as the seed contract, in hosted Stigg's
 * shapes. Root fields not listed here answer "not emulated" (see `hostedSchema`).
 */
export function createHostedRootValue(store: EmulatorStore): Record<string, (args: never) => unknown> {
  const customerView = (customerId: string) => hostedCustomer(store, store.customerRecord(customerId))
  const subscriptionView = (customerId: string, subscription: SubscriptionRecord) => hostedSubscription(store, store.customerRecord(customerId), subscription)
  const report = ({ customerId, featureId, value, updateBehavior, resourceId }: UsageArgs) => {
    refuseResources(resourceId)
    const measurement = store.reportUsage({ customerId, featureId, value, updateBehavior })
    const period = hostedEntitlement(store, customerId, featureId, 0)['usagePeriodStart'] as string | null
    return hostedMeasurement(measurement, period)
  }
  const findSubscription = (subscriptionId: string) => {
    for (const customer of store.customers()) {
      const subscription = customer.subscriptions.find((candidate) => candidate.id === subscriptionId)
      if (subscription) return { customer, subscription }
    }
    throw new EmulatorError('SubscriptionNotFound', `Subscription "${subscriptionId}" not found`)
  }

  return {
    sdkConfiguration: () => ({ sentryDsn: null, isWidgetWatermarkEnabled: false }),
    entitlement: ({ query }: { query: { customerId: string; featureId: string; resourceId?: Maybe<string>; options?: Maybe<{ requestedUsage?: Maybe<number>; requestedValues?: Maybe<string[]> }> } }) => {
      const requested = requestedUsageOf(query.options)
      const values = query.options?.requestedValues ?? []
      if (query.resourceId != null) return deniedEntitlement(query.customerId, 'CustomerResourceNotFound', requested, values)
      return hostedEntitlement(store, query.customerId, query.featureId, requested, values)
    },
    cachedEntitlements: ({ query }: { query: { customerId: string; resourceId?: Maybe<string> } }) => {
      refuseResources(query.resourceId)
      return cachedEntitlements(store, query.customerId)
    },
    entitlementsState: ({ query }: { query: { customerId: string; resourceId?: Maybe<string> } }) => {
      refuseResources(query.resourceId)
      return { entitlements: cachedEntitlements(store, query.customerId), accessDeniedReason: store.hasCustomer(query.customerId) ? null : 'CustomerNotFound' }
    },
    getCustomerByRefId: ({ input }: { input: { customerId: string } }) => customerView(input.customerId),
    getActiveSubscriptions: ({ input }: { input: { customerId: string; resourceId?: Maybe<string>; resourceIds?: Maybe<string[]> } }) => {
      refuseResources(input.resourceId, input.resourceIds)
      return activeSubscriptions(store, store.customerRecord(input.customerId))
    },
    getSubscription: ({ input }: { input: { subscriptionId: string } }) => {
      const { customer, subscription } = findSubscription(input.subscriptionId)
      return subscriptionView(customer.id, subscription)
    },
    subscriptions: (args: SubscriptionsArgs) => listSubscriptions(store, args),
    products: () => ({ edges: [{ node: hostedProduct(store), cursor: 'product-default' }], totalCount: 1 }),
    paywall: ({ input }: { input: { customerId?: Maybe<string>; resourceId?: Maybe<string>; productId?: Maybe<string> } }) => {
      refuseResources(input.resourceId)
      const customer = input.customerId != null ? store.customerRecord(input.customerId) : undefined
      return {
        plans: store.catalog.plans.map((plan) => hostedPlan(store, plan)),
        currency: { code: 'USD', symbol: '$' },
        configuration: null,
        customer: customer ? hostedCustomer(store, customer) : null,
        activeSubscriptions: customer ? activeSubscriptions(store, customer) : null,
        resource: null,
        paywallCalculatedPricePoints: [],
      }
    },
    reportUsage: ({ input }: { input: UsageArgs }) => report(input),
    reportUsageBulk: ({ input }: { input: { usages: UsageArgs[] } }) => input.usages.map(report),
    reportEvent: ({ events }: { events: { usageEvents: Array<{ customerId: string; eventName: string; idempotencyKey: string; resourceId?: Maybe<string>; dimensions?: Maybe<Record<string, unknown>>; timestamp?: Maybe<string> }> } }) => {
      for (const event of events.usageEvents) {
        refuseResources(event.resourceId)
        store.customerRecord(event.customerId)
        const { customerId, eventName, idempotencyKey } = event
        store.recordEvent({ customerId, eventName, idempotencyKey, dimensions: event.dimensions ?? null, timestamp: event.timestamp ?? store.now().toISOString() })
      }
      return null
    },
    provisionCustomer: ({ input }: { input: ProvisionArgs }) => {
      const params = input.subscriptionParams ?? undefined
      refuseResources(params?.resourceId)
      const customerId = input.customerId ?? input.refId ?? `customer-${globalThis.crypto.randomUUID()}`
      const existed = store.hasCustomer(customerId)
      store.provisionCustomer({ customerId, name: input.name, email: input.email, billingId: input.billingId, subscriptionParams: params && subscriptionPatch(params) })
      const customer = store.customerRecord(customerId)
      const current = customer.subscriptions[customer.subscriptions.length - 1]
      return {
        customer: hostedCustomer(store, customer),
        subscription: current ? hostedSubscription(store, customer, current) : null,
        // A repeat provision keeps the customer's subscription as it is.
        subscriptionDecisionStrategy: existed ? 'SKIPPED_SUBSCRIPTION_CREATION' : params ? 'REQUESTED_PLAN' : 'PREDEFINED_FREE_PLAN',
        entitlements: () => cachedEntitlements(store, customerId),
      }
    },
    provisionSubscriptionV2: ({ input }: { input: SubscriptionParams & { customerId: string } }) => {
      refuseResources(input.resourceId)
      const subscription = store.startSubscription(input.customerId, subscriptionPatch(input))
      return { status: 'SUCCESS', checkoutUrl: null, checkoutBillingId: null, subscription: subscriptionView(input.customerId, subscription), entitlements: () => cachedEntitlements(store, input.customerId) }
    },
    cancelSubscription: ({ input }: { input: { subscriptionRefId: string; subscriptionCancellationTime?: Maybe<string>; endDate?: Maybe<string> } }) => {
      const { customer, subscription } = findSubscription(input.subscriptionRefId)
      if (customer.subscriptions[customer.subscriptions.length - 1] !== subscription) {
        throw new EmulatorError('BAD_USER_INPUT', `Subscription "${subscription.id}" is not the customer's current one; only the current subscription can be canceled`)
      }
      // Plans have no prices, and hosted Stigg cancels free subscriptions immediately unless told otherwise.
      const time = input.subscriptionCancellationTime ?? 'IMMEDIATE'
      const current = subscriptionView(customer.id, subscription)
      const endDate = time === 'IMMEDIATE' ? store.now().toISOString() : time === 'SPECIFIC_DATE' ? input.endDate : (current['currentBillingPeriodEnd'] as string)
      if (endDate == null) throw new EmulatorError('BAD_USER_INPUT', 'subscriptionCancellationTime SPECIFIC_DATE needs endDate')
      store.setSubscription(customer.id, { status: 'CANCELED', endDate })
      return subscriptionView(customer.id, customer.subscriptions[customer.subscriptions.length - 1]!)
    },
  }
}
