import { buildSchema, type GraphQLSchema } from 'graphql'
import { seedTypeDefs } from '../../../schema/seedTypeDefs'
import type { StiggDialect } from '../StiggDialect'

let schema: GraphQLSchema | undefined

/** The seed contract: the emulator speaks the same schema the client sends, so nothing is translated. */
export function createSeedDialect(): StiggDialect {
  schema ??= buildSchema(seedTypeDefs)
  return {
    name: 'seed',
    schema,
    queryFields: ['customerEntitlement', 'customerSubscriptions', 'plans'],
    reportUsageField: 'reportUsage',
    provisionCustomerField: 'provisionCustomer',
    customerIdName: 'customerId',
    usageValue: (args) => {
      const input = args['input']
      return typeof input === 'object' && input !== null ? (input as Record<string, unknown>)['value'] : undefined
    },
    buildUpstreamBody: ({ query, operationName, variables }) =>
      JSON.stringify(operationName === null ? { query, variables } : { query, operationName, variables }),
    mapResponse: (body) => body,
  }
}
