// react-stigg/server: the backend proxy. Every export is named here on purpose.
export { createStiggProxy } from './server/createStiggProxy'
export { toNodeHandler } from './server/node/toNodeHandler'
export type { NodeHandler } from './server/node/toNodeHandler'
export type {
  StiggDialectName,
  StiggIdentity,
  StiggProxyAllow,
  StiggProxyAllowedEvent,
  StiggProxyDeniedEvent,
  StiggProxyErrorCode,
  StiggProxyEvent,
  StiggProxyHandler,
  StiggProxyInternalErrorEvent,
  StiggProxyOptions,
  StiggProxyUpstreamErrorEvent,
  StiggUpstreamErrorCode,
} from './server/types'
