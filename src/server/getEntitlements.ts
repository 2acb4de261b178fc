import type { QueryClient } from '@tanstack/query-core'
import { createStiggClient, type StiggClient } from '../core/createStiggClient'
import { decideAccess, type DecideAccessOptions } from '../core/decideAccess'
import { prefetchEntitlements } from '../core/prefetchEntitlements'
import { StiggError } from '../core/StiggError'
import type { Entitlement } from '../core/types'
import { parseGraphQLRequest, type GraphQLRequestBody } from '../graphql/parseGraphQLRequest'
import type { Identified, ProxyPipeline } from './createProxyPipeline'
import { ProxyRefusal } from './ProxyRefusal'

/** Options of `getEntitlements` (see {@link createStiggServer}). */
export interface GetEntitlementsOptions extends DecideAccessOptions {
  /**
   * Fills this QueryClient under `stiggKeys`, so `dehydrate(queryClient)` + `<HydrationBoundary>`
   * render the same answers in the browser without a request for these features.
   */
  queryClient?: QueryClient
}

/** What `getEntitlements` resolves with. */
export interface ServerEntitlements {
  /** Who `identify` said this request is; null when nobody is signed in (then nothing was asked). */
  customerId: string | null
  /** The resource `identify` returned: the entitlements are scoped to it (and cached under it). */
  resourceId: string | null
  /** Each answered feature, decided by the same `decideAccess` the hooks use. */
  entitlements: Record<string, Entitlement>
  /** Features whose own answer failed (the others still answered). */
  errors: Record<string, StiggError>
}

/**
 * One batched upstream read for `featureIds`, through the proxy's own pipeline: the same
 * `identify`, firewall, dialect, upstream, timeouts, answer cache and events as the browser's
 * requests; the request is never read, only shown to `identify`. Rejects with a `StiggError`
 * when the whole request failed (upstream down, timeout), like the browser client.
 */
export async function getEntitlements(
  pipeline: ProxyPipeline,
  request: Request,
  featureIds: readonly string[],
  options: GetEntitlementsOptions = {},
): Promise<ServerEntitlements> {
  const identity = await identified(pipeline, request)
  const { customerId = null, resourceId = null } = identity ?? {}
  const answer: ServerEntitlements = { customerId, resourceId, entitlements: {}, errors: {} }
  if (identity === null || featureIds.length === 0) return answer
  const client = pipelineClient(pipeline, request, identity)
  const results = options.queryClient
    ? await prefetchEntitlements(options.queryClient, { client, customerId: identity.customerId, resourceId, featureIds })
    : await client.getEntitlements(identity.customerId, featureIds, { resourceId })
  for (const [featureId, result] of Object.entries(results)) {
    if (result instanceof StiggError) answer.errors[featureId] = result
    else answer.entitlements[featureId] = decideAccess(result, options)
  }
  return answer
}

/** The signed-in customer, or null for the proxy's 401 (nobody signed in); `identify` errors propagate. */
async function identified(pipeline: ProxyPipeline, request: Request): Promise<Identified | null> {
  try {
    return await pipeline.identify(request)
  } catch (error) {
    if (error instanceof ProxyRefusal && error.status === 401) return null
    throw error
  }
}

/**
 * The browser's client, with the pipeline as its `fetch`: one mapping of answers to results and
 * errors for both sides, and no second GraphQL client on the server.
 */
function pipelineClient(pipeline: ProxyPipeline, request: Request, identity: Identified): StiggClient {
  return createStiggClient({
    url: request.url,
    fetch: async (_input, init) => {
      const body = parseGraphQLRequest(JSON.parse(String(init?.body))) as GraphQLRequestBody
      const { status, headers, body: text } = await pipeline.handle(request, () => body, identity)
      return new Response(text, { status, headers })
    },
  })
}
