import { parse, type DocumentNode, type OperationDefinitionNode } from 'graphql'
import { fragmentsOf, selectOperation, type FragmentMap } from './analyzeOperation'
import { compileOperation, DEFAULT_MAX_FIELDS, type CostLimits, type OperationPlan } from './compileOperation'
import type { ResolvedAllow } from '../resolveProxyOptions'
import { LruCache } from '../../graphql/LruCache'
import type { GraphQLRequestBody } from '../../graphql/parseGraphQLRequest'
import { ProxyRefusal } from '../ProxyRefusal'
import type { StiggDialect, VettedOperation } from '../dialects/StiggDialect'
import { vetOperation } from './vetOperation'

/** `entitlementsDocument(100)`, the biggest document the client sends, is about 2,200 tokens. */
export const MAX_TOKENS = 5_000
const CACHE_SIZE = 256
/**
 * The document cache's bound in estimated bytes. A parsed document without token locations
 * holds about 17 bytes per character of its text (measured on the client's 100-check batch),
 * with locations 55: entries are weighed at 24 per character, so 256 distinct 55 KB documents
 * cannot hold 600 MB as they could when the cache counted entries only.
 */
export const DOCUMENT_CACHE_BYTES = 16 * 1024 * 1024
const BYTES_PER_CHARACTER = 24

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
  limits: CostLimits = { maxFields: DEFAULT_MAX_FIELDS },
): (body: GraphQLRequestBody, customerId: string, resourceId?: string | null) => VettedOperation {
  // Only documents with at least one accepted operation are kept: a refused one is parsed again
  // if it comes back (bounded by MAX_TOKENS), so hostile texts cannot fill the cache.
  const documents = new LruCache<string, DocumentEntry>(CACHE_SIZE, {
    maxWeight: DOCUMENT_CACHE_BYTES,
    weigh: (query) => query.length * BYTES_PER_CHARACTER,
  })

  const documentFor = (query: string): DocumentEntry => {
    const cached = documents.get(query)
    if (cached !== undefined) return cached
    let document: DocumentNode
    try {
      // No token locations: they tripled the memory of every cached document.
      document = parse(query, { noLocation: true, maxTokens: MAX_TOKENS })
    } catch (error) {
      const message = error instanceof Error ? error.message : 'The query could not be parsed.'
      throw new ProxyRefusal(400, 'GRAPHQL_PARSE_FAILED', message)
    }
    return { document, fragments: fragmentsOf(document), plans: new Map() }
  }

  const planFor = (query: string, entry: DocumentEntry, operationName: string | null): OperationPlan => {
    let plan = entry.plans.get(operationName)
    if (plan === undefined) {
      const operation: OperationDefinitionNode | string = selectOperation(entry.document, operationName)
      if (typeof operation === 'string') throw new ProxyRefusal(400, 'BAD_REQUEST', operation)
      try {
        plan = compileOperation(operation, entry.fragments, dialect, allow, limits)
      } catch (error) {
        if (!(error instanceof ProxyRefusal)) throw error
        plan = error
      }
      entry.plans.set(operationName, plan)
      if (!(plan instanceof ProxyRefusal) && documents.get(query) === undefined) documents.set(query, entry)
    }
    if (plan instanceof ProxyRefusal) throw plan
    return plan
  }

  return (body, customerId, resourceId) => {
    const plan = planFor(body.query, documentFor(body.query), body.operationName)
    return vetOperation(plan, body.variables, customerId, dialect, allow, resourceId)
  }
}
