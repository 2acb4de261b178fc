import type { StiggClient } from './createStiggClient'
import { StiggError } from './StiggError'
import type { EntitlementData } from './types'

/** Collects entitlement loads and sends them together. */
export interface EntitlementBatcher {
  /** Resolves with this feature's data; rejects only for this feature's own error or a failed request. */
  load(customerId: string, featureId: string): Promise<EntitlementData>
}

interface Waiter {
  resolve: (data: EntitlementData) => void
  reject: (error: unknown) => void
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
  let pending = new Map<string, Map<string, Waiter[]>>()
  let scheduled = false

  function flush() {
    const batch = pending
    pending = new Map()
    scheduled = false
    for (const [customerId, features] of batch) {
      client.getEntitlements(customerId, [...features.keys()]).then(
        (results) => {
          for (const [featureId, waiters] of features) {
            const result = results[featureId]
            for (const waiter of waiters) {
              if (result === undefined) {
                waiter.reject(
                  new StiggError(`react-stigg: the Stigg endpoint answered without '${featureId}' for customer '${customerId}'.`, {
                    code: 'BAD_RESPONSE',
                  }),
                )
              } else if (result instanceof StiggError) waiter.reject(result)
              else waiter.resolve(result)
            }
          }
        },
        (error: unknown) => {
          for (const waiters of features.values()) for (const waiter of waiters) waiter.reject(error)
        },
      )
    }
  }

  return {
    load(customerId, featureId) {
      return new Promise<EntitlementData>((resolve, reject) => {
        let features = pending.get(customerId)
        if (features === undefined) pending.set(customerId, (features = new Map()))
        features.set(featureId, [...(features.get(featureId) ?? []), { resolve, reject }])
        if (!scheduled) {
          scheduled = true
          queueMicrotask(flush)
        }
      })
    },
  }
}
