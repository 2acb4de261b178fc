import type { FeatureId } from '../core/Register'
import { createProxyPipeline } from './createProxyPipeline'
import { getEntitlements, type GetEntitlementsOptions, type ServerEntitlements } from './getEntitlements'
import { hasAccess, type HasAccessOptions } from './hasAccess'
import { fetchHandlerOf } from './createStiggProxy'
import type { StiggProxyHandler, StiggProxyOptions } from './types'

/** What {@link createStiggServer} returns: the proxy and the server-side checks, over one configuration. */
export interface StiggServer {
  /** The browser's endpoint, as `createStiggProxy(options)` would build it (a Fetch-API handler). */
  proxy: StiggProxyHandler
  /**
   * The request's customer's entitlements for `featureIds`, in one upstream request. Signed out:
   * `customerId` null and nothing asked. Pass `queryClient` to hand the answers to the browser.
   */
  getEntitlements(request: Request, featureIds: readonly FeatureId[], options?: GetEntitlementsOptions): Promise<ServerEntitlements>
  /** May the request's customer use `featureId`? False when signed out; rejects when Stigg could not answer. */
  hasAccess(request: Request, featureId: FeatureId, options?: HasAccessOptions): Promise<boolean>
}

/**
 * Configures Stigg once on the server: the proxy for the browser and the checks for Server
 * Components, route handlers and server actions share `identify`, the firewall, the upstream,
 * the dialect, timeouts, the answer cache and `onEvent`, and decide with the same
 * `decideAccess` as the hooks. Options are those of `createStiggProxy`, checked here.
 *
 * @example
 * // lib/stigg.ts
 * export const stigg = createStiggServer({ apiKey, upstreamUrl, identify: (request) => sessionOf(request) })
 * // app/api/stigg/route.ts
 * export const POST = stigg.proxy
 * // a route handler or server action
 * if (!(await stigg.hasAccess(request, 'feature-export'))) return new Response('Upgrade to export', { status: 403 })
 */
export function createStiggServer(options: StiggProxyOptions): StiggServer {
  const pipeline = createProxyPipeline(options, 'createStiggServer')
  return {
    proxy: fetchHandlerOf(pipeline),
    getEntitlements: (request, featureIds, getOptions) => getEntitlements(pipeline, request, featureIds, getOptions),
    hasAccess: (request, featureId, accessOptions) => hasAccess(pipeline, request, featureId, accessOptions),
  }
}
