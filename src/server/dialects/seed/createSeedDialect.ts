import { buildSchema, type GraphQLSchema } from 'graphql'
import { seedTypeDefs } from '../../../schema/seedTypeDefs'
import type { StiggDialect } from '../StiggDialect'
import { LruCache } from '../../../graphql/LruCache'

let schema: GraphQLSchema | undefined

/** The seed contract: the emulator speaks the same schema the client sends, so nothing is translated. */
export function createSeedDialect(): StiggDialect {
  schema ??= buildSchema(seedTypeDefs)
  // Bounded in bytes too, like the firewall's document cache: a few huge documents cannot hold much.
  const quotedQueries = new LruCache<string, string>(256, { maxWeight: 8 * 1024 * 1024, weigh: (_query, quoted) => quoted.length * 2 })
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
    // The same text as JSON.stringify({ query, operationName?, variables }), with the query's JSON
    // form kept per vetted document: it is most of the body, and the same for every request.
    buildUpstreamBody: ({ query, operationName, variables }) => {
      let quoted = quotedQueries.get(query)
      if (quoted === undefined) quotedQueries.set(query, (quoted = JSON.stringify(query)))
      const name = operationName === null ? '' : `,"operationName":${JSON.stringify(operationName)}`
      return `{"query":${quoted}${name},"variables":${JSON.stringify(variables)}}`
    },
    mapResponse: (body) => body,
  }
}
