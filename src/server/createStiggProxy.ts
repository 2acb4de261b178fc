import { callUpstream, UpstreamFault, type ProxyAnswer } from './callUpstream'
import { createFirewall, type GraphQLRequestBody } from './createFirewall'
import { fetchUpstream } from './fetchUpstream'
import { createNodeUpstream } from './nodeUpstream'
import { jsonHeaders, ProxyRefusal } from './ProxyRefusal'
import { checkEnvelope, readGraphQLRequest } from './readGraphQLRequest'
import { resolveProxyOptions } from './resolveProxyOptions'
import { createScrubber } from './scrubSecret'
import type { StiggProxyEvent, StiggProxyHandler, StiggProxyOptions } from './types'

const internalError = () =>
  new ProxyRefusal(500, 'INTERNAL_SERVER_ERROR', 'The Stigg proxy failed to handle this request; see the server log.')

/**
 * A firewall between browsers and Stigg, as a Fetch-API handler: the browser can do
 * exactly what its signed-in customer may do and nothing more, and the API key never
 * leaves the server. Options are checked here, so a misconfiguration throws at startup.
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
  const config = resolveProxyOptions(options)
  const scrub = createScrubber(config.apiKey)
  const firewall = createFirewall(config.dialect, config.allow)
  const send = (config.fetch ? undefined : createNodeUpstream(config.upstreamUrl)) ?? fetchUpstream(config.upstreamUrl, config.fetch)
  const upstream = { send, apiKey: config.apiKey, timeoutMs: config.timeoutMs, dialect: config.dialect, scrub }

  const emit = (event: StiggProxyEvent): void => {
    if (!config.onEvent) return
    try {
      config.onEvent(event)
    } catch {
      // A failing logger must not change what the browser gets.
    }
  }

  const answer: ProxyCore = async (request, readBody) => {
    // Without onEvent nothing reads the clock or the event: no work per request for it.
    const started = config.onEvent ? performance.now() : 0
    let customerId: string | undefined
    let operationName: string | null | undefined
    try {
      checkEnvelope(request)
      const identity = identifyCustomer(config.identify, request)
      // A synchronous identify (cookie lookups) and the Node path's buffered body need no await.
      customerId = typeof identity === 'string' ? identity : await identity
      const read = readBody()
      const body = read instanceof Promise ? await read : read
      const operation = firewall(body, customerId)
      operationName = operation.operationName
      const response = await callUpstream(upstream, operation)
      if (config.onEvent) {
        emit({ type: 'allowed', customerId, operationName, rootFields: operation.rootFields, durationMs: performance.now() - started })
      }
      return response
    } catch (error) {
      if (error instanceof UpstreamFault) {
        emit({ type: 'upstream_error', code: error.code, status: error.status, message: scrub(`${error.message} (${error.detail})`), customerId, operationName })
        return refusalAnswer(error)
      }
      if (error instanceof ProxyRefusal) {
        emit({ type: 'denied', reason: error.code, status: error.status, message: scrub(error.message), ...(customerId === undefined ? {} : { customerId }) })
        return refusalAnswer(error)
      }
      const message = error instanceof Error ? error.message : String(error)
      emit({ type: 'error', code: 'INTERNAL_SERVER_ERROR', status: 500, message: scrub(message), cause: error instanceof IdentifyError ? error.cause : error })
      return refusalAnswer(internalError())
    }
  }

  const stiggProxy: StiggProxyHandler = async (request) => {
    const { status, headers, body } = await answer(request, () => readGraphQLRequest(request))
    return new Response(body, { status, headers })
  }
  // toNodeHandler finds the core here and skips the Fetch objects it would only unwrap again.
  Object.defineProperty(stiggProxy, proxyCore, { value: answer })
  return stiggProxy
}

/** The proxy without its Fetch-API edge: `readBody` supplies the request body already checked. */
export type ProxyCore = (request: Request, readBody: () => GraphQLRequestBody | Promise<GraphQLRequestBody>) => Promise<ProxyAnswer>

/** @internal Where a handler made by createStiggProxy keeps its {@link ProxyCore}. */
export const proxyCore = Symbol('react-stigg proxy core')

function refusalAnswer(refusal: ProxyRefusal): ProxyAnswer {
  return { status: refusal.status, headers: { ...jsonHeaders, ...refusal.headers }, body: JSON.stringify({ errors: refusal.errors }) }
}

/** The signed-in customer's id; a Promise only when `identify` answers one. */
function identifyCustomer(identify: StiggProxyOptions['identify'], request: Request): string | Promise<string> {
  let identity: unknown
  try {
    identity = identify(request)
  } catch (error) {
    throw identifyThrew(error)
  }
  if (typeof (identity as { then?: unknown } | null)?.then === 'function') {
    return Promise.resolve(identity).then(customerIdOf, (error: unknown) => {
      throw identifyThrew(error)
    })
  }
  return customerIdOf(identity)
}

const identifyThrew = (error: unknown) =>
  new IdentifyError(`identify() threw: ${error instanceof Error ? error.message : String(error)}`, { cause: error })

function customerIdOf(identity: unknown): string {
  if (identity === null || identity === undefined) {
    throw new ProxyRefusal(401, 'UNAUTHENTICATED', 'Nobody is signed in: the Stigg proxy serves signed-in customers only.')
  }
  const customerId = typeof identity === 'object' ? (identity as { customerId?: unknown }).customerId : undefined
  if (typeof customerId !== 'string' || customerId === '') {
    throw new IdentifyError('identify() must return { customerId: non-empty string } or null.', { cause: identity })
  }
  return customerId
}

class IdentifyError extends Error {
  override readonly name = 'IdentifyError'
}
