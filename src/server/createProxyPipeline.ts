import type { HttpAnswer } from '../graphql/HttpAnswer'
import type { GraphQLRequestBody } from '../graphql/parseGraphQLRequest'
import { createScrubber } from './createScrubber'
import { createFirewall } from './firewall/createFirewall'
import { jsonHeaders, ProxyRefusal } from './ProxyRefusal'
import { checkEnvelope } from './readGraphQLRequest'
import { resolveProxyOptions } from './resolveProxyOptions'
import type { StiggProxyEvent, StiggProxyOptions } from './types'
import { callUpstream, UpstreamFault } from './upstream/callUpstream'
import { createUpstreamSender } from './upstream/createUpstreamSender'
import { createUpstreamEconomy } from './economy/createUpstreamEconomy'

/**
 * The proxy without any HTTP edge: envelope, identify, body, firewall, upstream, event, answer.
 * `createStiggProxy` (Fetch API) and `toNodeHandler` (node:http) are thin adapters over it.
 */
export interface ProxyPipeline {
  /**
   * Answers one request. `request` is what `identify` sees (method, URL, headers; no body is
   * read from it); `readBody` supplies the checked body, and runs only once `identify` said yes.
   */
  handle(request: Request, readBody: () => GraphQLRequestBody | Promise<GraphQLRequestBody>): Promise<HttpAnswer>
}

const internalError = () =>
  new ProxyRefusal(500, 'INTERNAL_SERVER_ERROR', 'The Stigg proxy failed to handle this request; see the server log.')

/**
 * Builds the runtime-neutral proxy. Options are checked here, so a misconfiguration throws at
 * startup; `caller` names the public function in those errors.
 */
export function createProxyPipeline(options: StiggProxyOptions, caller = 'createStiggProxy'): ProxyPipeline {
  const config = resolveProxyOptions(options, caller)
  const scrub = createScrubber(config.apiKey)
  const firewall = createFirewall(config.dialect, config.allow)
  const send = createUpstreamSender(config.upstreamUrl, config.fetch)
  const upstream = { send, apiKey: config.apiKey, timeoutMs: config.timeoutMs, dialect: config.dialect, scrub }

  const emit = (event: StiggProxyEvent): void => {
    if (!config.onEvent) return
    try {
      config.onEvent(event)
    } catch {
      // A failing logger must not change what the browser gets.
    }
  }
  // In-flight sharing of identical reads (always) and the opt-in answer cache: economy/.
  const economy = createUpstreamEconomy(config.dialect, config.cache, emit)

  const handle: ProxyPipeline['handle'] = async (request, readBody) => {
    // Without onEvent nothing reads the clock or the event: no work per request for it.
    const started = config.onEvent ? performance.now() : 0
    let customerId: string | undefined
    let operationName: string | null | undefined
    try {
      checkEnvelope(request)
      const identity = identifyCustomer(config.identify, request)
      // A synchronous identify (cookie lookups) and an already buffered body need no await.
      customerId = typeof identity === 'string' ? identity : await identity
      const read = readBody()
      const body = read instanceof Promise ? await read : read
      const operation = firewall(body, customerId)
      operationName = operation.operationName
      const { answer, source } = await economy.answer(customerId, operation, () => callUpstream(upstream, operation))
      if (config.onEvent) {
        emit({ type: 'allowed', customerId, operationName, rootFields: operation.rootFields, durationMs: performance.now() - started, source })
      }
      return answer
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
  return { handle }
}

function refusalAnswer(refusal: ProxyRefusal): HttpAnswer {
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

// A refusal thrown by identify (the dev plugin's 401 with its cookie hint) is answered as is.
const identifyThrew = (error: unknown) =>
  error instanceof ProxyRefusal
    ? error
    : new IdentifyError(`identify() threw: ${error instanceof Error ? error.message : String(error)}`, { cause: error })

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
