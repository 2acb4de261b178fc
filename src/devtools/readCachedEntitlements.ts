import type { QueryCache } from '@tanstack/react-query'
import type { EntitlementData } from '../core/types'

/**
 * Where the value the app shows came from: `network` fetched and still fresh, `cache` held
 * past its freshness (or kept after a failed refetch), `fallback` the provider's
 * `fallbackEntitlements` standing in after a failure or offline, `error` failed with nothing to show.
 */
export type DevtoolsEntitlementSource = 'network' | 'cache' | 'fallback' | 'error'

/** One cached entitlement as the devtools list it. */
export interface DevtoolsEntitlementRow {
  featureId: string
  /** The resource a scoped entitlement belongs to; null when unscoped. */
  resourceId: string | null
  source: DevtoolsEntitlementSource
  /** Milliseconds since the data was fetched; null when never fetched. */
  ageMs: number | null
  data: EntitlementData | undefined
  fetching: boolean
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

interface ReadOptions {
  customerId: string | null
  offline: boolean
  /** Feature ids the provider has a fallback for. */
  fallbacks: ReadonlySet<string>
  now: number
}

/** Every entitlement cached under `['stigg', customerId, 'entitlement', featureId, resourceId?]`, sorted by feature and resource. */
export function readCachedEntitlements(cache: QueryCache, { customerId, offline, fallbacks, now }: ReadOptions): DevtoolsEntitlementRow[] {
  return cache
    .findAll({ queryKey: ['stigg', customerId, 'entitlement'] })
    .map((query): DevtoolsEntitlementRow => {
      const featureId = String(query.queryKey[3])
      const resourceId = typeof query.queryKey[4] === 'string' ? query.queryKey[4] : null
      const { state } = query
      const data = state.data as EntitlementData | undefined
      const failed = offline || state.status === 'error'
      const source: DevtoolsEntitlementSource =
        failed && fallbacks.has(featureId) ? 'fallback' : failed && data === undefined ? 'error' : failed || query.isStale() ? 'cache' : 'network'
      return {
        featureId,
        resourceId,
        source,
        ageMs: state.dataUpdatedAt > 0 ? Math.max(0, now - state.dataUpdatedAt) : null,
        data,
        fetching: state.fetchStatus === 'fetching',
      }
    })
    .sort((a, b) => compare(a.featureId, b.featureId) || compare(a.resourceId ?? '', b.resourceId ?? ''))
}
