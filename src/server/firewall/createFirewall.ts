import { parse, type DocumentNode, type OperationDefinitionNode } from 'graphql'
import { fragmentsOf, selectOperation, type FragmentMap } from './analyzeOperation'
import { compileOperation, type OperationPlan } from './compileOperation'
import type { ResolvedAllow } from '../resolveProxyOptions'
import { LruCache } from '../../graphql/LruCache'
import type { GraphQLRequestBody } from '../../graphql/parseGraphQLRequest'
import { ProxyRefusal } from '../ProxyRefusal'
import type { StiggDialect, VettedOperation } from '../dialects/StiggDialect'
import { vetOperation } from './vetOperation'

/** `entitlementsDocument(100)`, the biggest document the client sends, is about 2,200 tokens. */
export const MAX_TOKENS = 5_000
const CACHE_SIZE = 256

interface DocumentEntry {
  document: DocumentNode
  fragments: FragmentMap
  /** Plans (or refusals) by operation name; only names the document defines are stored. */
  plans: Map<string | null, OperationPlan | ProxyRefusal>
}

/**
 * The firewall: parse, policy and validation once per document text (bounded LRU), then
 * per request only variable coercion and the customer/usage checks. Throws a {@link ProxyRefusal}.
 */
export function createFirewall(
  dialect: StiggDialect,
  allow: ResolvedAllow,
): (body: GraphQLRequestBody, customerId: string) => VettedOperation {
  const documents = new LruCache<string, DocumentEntry | ProxyRefusal>(CACHE_SIZE)

  const documentFor = (query: string): DocumentEntry => {
    let entry = documents.get(query)
    if (entry === undefined) {
      try {
        const document = parse(query, { noLocation: false, maxTokens: MAX_TOKENS })
        entry = { document, fragments: fragmentsOf(document), plans: new Map() }
      } catch (error) {
        const message = error instanceof Error ? error.message : 'The query could not be parsed.'
        entry = new ProxyRefusal(400, 'GRAPHQL_PARSE_FAILED', message)
      }
      documents.set(query, entry)
    }
    if (entry instanceof ProxyRefusal) throw entry
    return entry
  }

  const planFor = (entry: DocumentEntry, operationName: string | null): OperationPlan => {
    let plan = entry.plans.get(operationName)
    if (plan === undefined) {
      const operation: OperationDefinitionNode | string = selectOperation(entry.document, operationName)
      if (typeof operation === 'string') throw new ProxyRefusal(400, 'BAD_REQUEST', operation)
      try {
        plan = compileOperation(operation, entry.fragments, dialect, allow)
      } catch (error) {
        if (!(error instanceof ProxyRefusal)) throw error
        plan = error
      }
      entry.plans.set(operationName, plan)
    }
    if (plan instanceof ProxyRefusal) throw plan
    return plan
  }

  return (body, customerId) => {
    const plan = planFor(documentFor(body.query), body.operationName)
    return vetOperation(plan, body.variables, customerId, dialect, allow)
  }
}
