import { createProxyPipeline, type ProxyPipeline } from './createProxyPipeline'
import { readGraphQLRequest } from './readGraphQLRequest'
import type { StiggProxyHandler, StiggProxyOptions } from './types'

/**
 * A firewall between browsers and Stigg, as a Fetch-API handler: the browser can do
 * exactly what its signed-in customer may do and nothing more, and the API key never
 * leaves the server. Options are checked here, so a misconfiguration throws at startup.
 * On node:http / Express, pass the same options to `toNodeHandler` instead.
 *
 * @example
 * // app/api/stigg/route.ts (Next.js App Router)
 * export const POST = createStiggProxy({
 *   apiKey: process.env.STIGG_API_KEY!,
 *   upstreamUrl: process.env.STIGG_API_URL!,
 *   identify: async () => { const session = await auth(); return session ? { customerId: session.orgId } : null },
 *   allow: { reportUsage: { maxValue: 100 } },
 * })
 */
export function createStiggProxy(options: StiggProxyOptions): StiggProxyHandler {
  return fetchHandlerOf(createProxyPipeline(options, 'createStiggProxy'))
}

/** The pipeline behind a Fetch-API handler (also `createStiggServer`'s `proxy`). */
export function fetchHandlerOf(pipeline: ProxyPipeline): StiggProxyHandler {
  return async (request) => {
    const { status, headers, body } = await pipeline.handle(request, () => readGraphQLRequest(request, pipeline.bodyTimeoutMs))
    return new Response(body, { status, headers })
  }
}
