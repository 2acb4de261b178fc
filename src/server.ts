// react-stigg/server: the backend proxy. Every export is named here on purpose.
export { createStiggProxy } from './server/createStiggProxy'
export { createStiggServer } from './server/createStiggServer'
export type { StiggServer } from './server/createStiggServer'
export type { GetEntitlementsOptions, ServerEntitlements } from './server/getEntitlements'
export type { HasAccessOptions } from './server/hasAccess'
export { toNodeHandler } from './server/node/toNodeHandler'
export type { NodeHandler } from './server/node/toNodeHandler'
export { createMemoryStore } from './server/store/createMemoryStore'
export type { MemoryStoreOptions } from './server/store/createMemoryStore'
export { createRedisStore } from './server/store/createRedisStore'
export type { RedisStoreClient, RedisStoreOptions } from './server/store/createRedisStore'
export type { StiggProxyStore } from './server/store/StiggProxyStore'
export type {
  StiggDialectName,
  StiggIdentity,
  StiggProxyAllow,
  StiggProxyAllowedEvent,
  StiggProxyCacheOptions,
  StiggProxyDeniedEvent,
  StiggProxyErrorCode,
  StiggProxyEvent,
  StiggProxyHandler,
  StiggProxyIdempotencyOptions,
  StiggProxyInternalErrorEvent,
  StiggProxyLimits,
  StiggProxyOptions,
  StiggProxyStoreErrorEvent,
  StiggProxyUpstreamErrorEvent,
  StiggUpstreamErrorCode,
} from './server/types'
