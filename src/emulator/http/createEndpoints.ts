import type { GraphQLSchema } from 'graphql'
import type { DocumentCache } from '../schema/DocumentCache'
import { createHostedRootValue } from '../schema/hosted/createHostedRootValue'
import { hostedSchema } from '../schema/hosted/hostedSchema'
import { createRootValue, emulatorSchema } from '../schema/seed/emulatorSchema'
import type { EmulatorStore } from '../store/EmulatorStore'

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
