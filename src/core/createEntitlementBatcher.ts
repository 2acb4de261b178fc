import type { EntitlementResults, StiggClient } from './createStiggClient'
import { StiggError } from './StiggError'
import type { EntitlementData } from './types'

/** Collects entitlement loads and sends them together. */
export interface EntitlementBatcher {
  /** Resolves with this feature's data; rejects only for this feature's own error or a failed request. */
  load(customerId: string, featureId: string, resourceId?: string | null): Promise<EntitlementData>
}

/**
 * Every `load` made in the same tick (until the microtask queue drains) goes out as one
 * `getEntitlements` call per customer; the client splits more than 100 features into
 * several requests. A microtask is enough: React runs a commit's passive effects, where
 * TanStack starts queries, in one synchronous pass, and unlike a timer it is not throttled
 * in background tabs.
 *
 * @example
 * const batcher = createEntitlementBatcher(client)
 * const [a, b] = await Promise.all([batcher.load('c1', 'feature-a'), batcher.load('c1', 'feature-b')])
 */
export function createEntitlementBatcher(client: StiggClient): EntitlementBatcher {
  const batches = new Map<string, { ids: Set<string>; results: Promise<EntitlementResults> }>()
  return {
    load(customerId, featureId, resourceId) {
      // One batch per customer and resource: a request is scoped to at most one resource.
      const key = resourceId ? `${customerId}\n${resourceId}` : customerId
      let batch = batches.get(key)
      if (batch === undefined) {
        const ids = new Set<string>()
        // The request leaves once the microtask queue reaches it: every load of this tick has joined `ids` by then.
        const results = Promise.resolve().then(() => {
          batches.delete(key)
          return client.getEntitlements(customerId, [...ids], { resourceId })
        })
        batches.set(key, (batch = { ids, results }))
      }
      batch.ids.add(featureId)
      return batch.results.then((results) => {
        const result = results[featureId]
        if (result instanceof StiggError) throw result
        if (result === undefined) {
          const message = process.env.NODE_ENV !== 'production' ? `react-stigg: no answer for '${featureId}' of customer '${customerId}'` : ''
          throw new StiggError(message, { code: 'BAD_RESPONSE' })
        }
        return result
      })
    },
  }
}
