import type { GraphQLSchema } from 'graphql'
import { buildSchema } from 'graphql'
import { seedTypeDefs } from '../../../schema/seedTypeDefs'
import { DocumentCache } from '../DocumentCache'
import { seedPlans } from './seedPlans'
import type { EmulatorStore, ProvisionCustomerInput, ReportUsageInput } from '../../store/EmulatorStore'

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
    customerEntitlement: ({ customerId, featureId, resourceId }: { customerId: string; featureId: string; resourceId?: string | null }) =>
      store.entitlement(customerId, featureId, resourceId),
    customerSubscriptions: ({ customerId }: { customerId: string }) => store.subscriptions(customerId),
    plans: ({ customerId }: { customerId: string }) => seedPlans(store, customerId),
    provisionCustomer: ({ input }: { input: ProvisionCustomerInput }) => store.provisionCustomer(input),
    reportUsage: ({ input }: { input: ReportUsageInput }) => store.reportUsage(input),
  }
}
