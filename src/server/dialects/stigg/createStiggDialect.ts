import { getOperationAST, parse, type DocumentNode } from 'graphql'
import { LruCache } from '../../../graphql/LruCache'
import { compileHostedPlan, type HostedPlan } from './compileHostedPlan'
import { mapHostedResponse } from './mapHostedResponse'
import { createSeedDialect } from '../seed/createSeedDialect'
import type { StiggDialect, VettedOperation } from '../StiggDialect'
import { translateToHosted, type HostedRequest } from './translateToHosted'

/**
 * Hosted Stigg (`https://api.stigg.io/graphql`) as the upstream. The browser keeps speaking
 * the seed contract, and the firewall vets every operation against the SEED schema exactly
 * as with dialect 'seed'; only a vetted operation is translated (`translateToHosted`), and
 * the answer is mapped back to the seed shapes (`mapHostedResponse`), so hooks cannot tell
 * the upstreams apart.
 *
 * @param now The clock for the one mapping that needs one (EXPIRED without an end date).
 */
export function createStiggDialect(now: () => Date = () => new Date()): StiggDialect {
  const seed = createSeedDialect()
  const documents = new LruCache<string, DocumentNode>(256)
  // mapResponse gets the same operation object buildUpstreamBody translated.
  const requests = new WeakMap<VettedOperation, HostedRequest>()
  // Compiled per vetted document text and operation name (null: a shape only the general path handles).
  const plans = new LruCache<string, HostedPlan | null>(256)
  const planFor = (operation: VettedOperation): HostedPlan | null => {
    const key = `${operation.operationName ?? ''}\u0000${operation.query}`
    let plan = plans.get(key)
    if (plan === undefined) {
      let document = documents.get(operation.query)
      if (document === undefined) documents.set(operation.query, (document = parse(operation.query, { noLocation: false })))
      const definition = getOperationAST(document, operation.operationName)
      plan = (definition && compileHostedPlan(document, definition, seed.schema, operation.operationName)) ?? null
      plans.set(key, plan)
    }
    return plan
  }
  const hostedRequest = (operation: VettedOperation): HostedRequest => {
    let request = requests.get(operation)
    if (request === undefined) {
      request = planFor(operation)?.translate(operation) ?? translateToHosted(operation, seed.schema, documents)
      requests.set(operation, request)
    }
    return request
  }
  return {
    ...seed,
    name: 'stigg',
    buildUpstreamBody: (operation) => hostedRequest(operation).body,
    mapResponse: (body, operation) => mapHostedResponse(body, hostedRequest(operation), seed.schema, operation.variables, now()),
  }
}
