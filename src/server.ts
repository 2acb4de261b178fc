// react-stigg/server: the backend proxy. Every export is named here on purpose.
export { createStiggProxy } from './server/createStiggProxy'
export { toNodeHandler } from './server/toNodeHandler'
export type { NodeHandler } from './server/toNodeHandler'
export { stiggDevPlugin, DEMO_CUSTOMER_COOKIE } from './server/stiggDevPlugin'
export type { StiggDevPlugin, StiggDevPluginApi, StiggDevPluginOptions } from './server/stiggDevPlugin'
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
