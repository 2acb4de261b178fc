import type { StiggProxyStore } from './StiggProxyStore'

/** Throws at startup, naming the option, unless `store` has the {@link StiggProxyStore} methods. */
export function assertProxyStore(store: unknown, option: string, caller: string): asserts store is StiggProxyStore {
  const methods = store as Partial<Record<keyof StiggProxyStore, unknown>> | null
  if (typeof methods !== 'object' || methods === null || ['get', 'set', 'increment'].some((name) => typeof methods[name as keyof StiggProxyStore] !== 'function')) {
    throw new TypeError(`${caller}: options.${option} must be a StiggProxyStore (get, set, increment), such as createMemoryStore() or createRedisStore(redis).`)
  }
}
