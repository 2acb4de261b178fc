import type { GraphQLSchema } from 'graphql'
import { buildSchema } from 'graphql'
import { seedTypeDefs } from '../schema/seedTypeDefs'
import { DocumentCache } from './DocumentCache'
import type { EmulatorStore, ProvisionCustomerInput, ReportUsageInput } from './EmulatorStore'
import { createHostedRootValue, hostedSchema } from './hostedSchema'

let shared: { schema: GraphQLSchema; documents: DocumentCache } | undefined

/** The seed schema and its document cache, built once and shared by every emulator in the process. */
export function emulatorSchema(): { schema: GraphQLSchema; documents: DocumentCache } {
  if (!shared) {
    const schema = buildSchema(seedTypeDefs)
    shared = { schema, documents: new DocumentCache(schema) }
  }
  return shared
}

/** Root resolvers: thin calls into the store, which owns every rule. */
export function createRootValue(store: EmulatorStore): Record<string, (args: never) => unknown> {
  return {
    customerEntitlement: ({ customerId, featureId }: { customerId: string; featureId: string }) =>
      store.entitlement(customerId, featureId),
    customerSubscriptions: ({ customerId }: { customerId: string }) => store.subscriptions(customerId),
    provisionCustomer: ({ input }: { input: ProvisionCustomerInput }) => store.provisionCustomer(input),
    reportUsage: ({ input }: { input: ReportUsageInput }) => store.reportUsage(input),
  }
}

/** One GraphQL endpoint of the emulator: a schema, its parse cache and the resolvers over the store. */
export interface EmulatorEndpoint {
  schema: GraphQLSchema
  documents: DocumentCache
  rootValue: Record<string, (args: never) => unknown>
}

/**
 * Routes by path: `…/hosted/graphql` speaks hosted Stigg's schema (built on first use),
 * any other `…/graphql` the seed contract; undefined means no route. Both read the same store.
 */
export function createEndpoints(store: EmulatorStore): (path: string) => EmulatorEndpoint | undefined {
  const seed: EmulatorEndpoint = { ...emulatorSchema(), rootValue: createRootValue(store) }
  let hosted: EmulatorEndpoint | undefined
  return (path) => {
    if (path.endsWith('/hosted/graphql')) return (hosted ??= { ...hostedSchema(), rootValue: createHostedRootValue(store) })
    return path.endsWith('/graphql') ? seed : undefined
  }
}
