import { buildSchema, type GraphQLSchema } from 'graphql'
import { DocumentCache } from './DocumentCache'
import { EmulatorError } from './EmulatorError'
import type { EmulatorStore } from './EmulatorStore'
import { hostedTypeDefs } from './hostedTypeDefs'
import {
  deniedEntitlement,
  hostedCustomer,
  hostedEntitlement,
  hostedMeasurement,
  hostedSubscription,
} from './hostedViews'

let shared: { schema: GraphQLSchema; documents: DocumentCache } | undefined

/** Hosted Stigg's schema and its document cache, built on first use (seed-only users never pay for it). */
export function hostedSchema(): { schema: GraphQLSchema; documents: DocumentCache } {
  if (!shared) {
    const schema = buildSchema(hostedTypeDefs)
    shared = { schema, documents: new DocumentCache(schema) }
  }
  return shared
}

type Maybe<T> = T | null | undefined

interface ReportUsageArgs {
  customerId: string
  featureId: string
  value: number
  updateBehavior?: Maybe<'DELTA' | 'SET'>
  resourceId?: Maybe<string>
  idempotencyKey?: Maybe<string>
}

interface ProvisionArgs {
  customerId?: Maybe<string>
  name?: Maybe<string>
  email?: Maybe<string>
  billingId?: Maybe<string>
  subscriptionParams?: Maybe<{
    planId: string
    resourceId?: Maybe<string>
    startDate?: Maybe<string>
    trialOverrideConfiguration?: Maybe<{ isTrial: boolean; trialEndDate?: Maybe<string> }>
  }>
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

/** Root resolvers of the hosted schema: the same store as the seed contract, in hosted Stigg's shapes. */
export function createHostedRootValue(store: EmulatorStore): Record<string, (args: never) => unknown> {
  const provision = (input: ProvisionArgs) => {
    const params = input.subscriptionParams ?? undefined
    refuseResources(params?.resourceId)
    const customerId = input.customerId ?? `customer-${globalThis.crypto.randomUUID()}`
    const existed = customerExists(store, customerId)
    const trial = params?.trialOverrideConfiguration ?? undefined
    store.provisionCustomer({
      customerId,
      name: input.name,
      email: input.email,
      billingId: input.billingId,
      subscriptionParams: params && {
        planId: params.planId,
        status: trial?.isTrial ? 'TRIAL' : 'ACTIVE',
        ...(params.startDate != null ? { startDate: params.startDate } : {}),
        ...(trial?.isTrial && trial.trialEndDate != null ? { trialEndDate: trial.trialEndDate } : {}),
      },
    })
    const customer = store.customerRecord(customerId)
    const current = customer.subscriptions[customer.subscriptions.length - 1]
    return {
      customer: hostedCustomer(customer),
      subscription: current ? hostedSubscription(store, current) : null,
      // A repeat provision keeps the customer's subscription as it is.
      subscriptionDecisionStrategy: existed ? 'SKIPPED_SUBSCRIPTION_CREATION' : params ? 'REQUESTED_PLAN' : 'PREDEFINED_FREE_PLAN',
    }
  }

  return {
    entitlement: ({ query }: { query: { customerId: string; featureId: string; resourceId?: Maybe<string>; options?: Maybe<{ requestedUsage?: Maybe<number> }> } }) => {
      const requested = requestedUsageOf(query.options)
      if (query.resourceId != null) return deniedEntitlement(query.customerId, 'CustomerResourceNotFound', requested)
      return hostedEntitlement(store, query.customerId, query.featureId, requested)
    },
    cachedEntitlements: ({ query }: { query: { customerId: string; resourceId?: Maybe<string> } }) => {
      refuseResources(query.resourceId)
      store.customerRecord(query.customerId)
      return store.catalog.features
        .map((feature) => hostedEntitlement(store, query.customerId, feature.id, 1))
        .filter((entitlement) => entitlement.isGranted || entitlement.accessDeniedReason === 'RequestedUsageExceedingLimit')
    },
    getActiveSubscriptions: ({ input }: { input: { customerId: string; resourceId?: Maybe<string>; resourceIds?: Maybe<string[]> } }) => {
      refuseResources(input.resourceId, input.resourceIds)
      return store
        .customerRecord(input.customerId)
        .subscriptions.map((subscription) => hostedSubscription(store, subscription))
        .filter((subscription) => subscription['status'] !== 'EXPIRED')
        .reverse()
    },
    reportUsage: ({ input }: { input: ReportUsageArgs }) => {
      refuseResources(input.resourceId)
      const { customerId, featureId, value, idempotencyKey, updateBehavior } = input
      return hostedMeasurement(store.reportUsage({ customerId, featureId, value, idempotencyKey, updateBehavior }))
    },
    provisionCustomer: ({ input }: { input: ProvisionArgs }) => provision(input),
  }
}

function customerExists(store: EmulatorStore, customerId: string): boolean {
  try {
    store.customerRecord(customerId)
    return true
  } catch {
    return false
  }
}
