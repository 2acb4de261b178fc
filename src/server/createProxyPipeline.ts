import type { HttpAnswer } from '../graphql/HttpAnswer'
import type { GraphQLRequestBody } from '../graphql/parseGraphQLRequest'
import { createScrubber } from './createScrubber'
import { createFirewall } from './firewall/createFirewall'
import { jsonHeaders, ProxyRefusal } from './ProxyRefusal'
import { checkEnvelope } from './readGraphQLRequest'
import { resolveProxyOptions } from './resolveProxyOptions'
import type { StiggProxyEvent, StiggProxyOptions } from './types'
import { callUpstream, createUpstreamConfig, UpstreamFault } from './upstream/callUpstream'
import { createUpstreamSender } from './upstream/createUpstreamSender'
import { createUpstreamEconomy } from './economy/createUpstreamEconomy'
import { createBudgets } from './limits/createBudgets'
import { resolveLimits } from './limits/resolveLimits'
import { resolveIdempotencyOptions } from './idempotency/resolveIdempotencyOptions'
import { withIdempotentReports } from './idempotency/withIdempotentReports'

/**
 * The proxy without any HTTP edge: envelope, identify, body, firewall, upstream, event, answer.
 * `createStiggProxy` (Fetch API) and `toNodeHandler` (node:http) are thin adapters over it.
 */
export interface ProxyPipeline {
  /**
   * Answers one request. `request` is what `identify` sees (method, URL, headers; no body is
   * read from it); `readBody` supplies the checked body, and runs only once `identify` said yes.
   */
  handle(request: Request, readBody: () => GraphQLRequestBody | Promise<GraphQLRequestBody>, identified?: Identified): Promise<HttpAnswer>
  /**
   * The customer `identify` names for this request (a Promise only when `identify` is async);
   * throws the 401 refusal when nobody is signed in. The server helpers (`getEntitlements`)
   * identify once, then pass the id to `handle` as `identified`: no envelope, no second lookup.
   */
  identify(request: Request): Identified | Promise<Identified>
  /** How long an adapter lets the browser take to send its body (`limits.bodyTimeoutMs`). */
  readonly bodyTimeoutMs: number
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
  const limits = resolveLimits(options.limits, config.cache?.store, caller)
  const firewall = createFirewall(config.dialect, config.allow, limits)
  const send = createUpstreamSender(config.upstreamUrl, config.fetch)
  const upstream = createUpstreamConfig({ send, apiKey: config.apiKey, timeoutMs: config.timeoutMs, dialect: config.dialect, scrub, exposeUpstreamErrors: config.exposeUpstreamErrors })

  const emit = (event: StiggProxyEvent): void => {
    if (!config.onEvent) return
    try {
      config.onEvent(event)
    } catch {
      // A failing logger must not change what the browser gets.
    }
  }
  // In-flight sharing of identical reads (always) and the opt-in answer cache: economy/.
  // At most one upstream report per (customer, idempotency key): idempotency/.
  const idempotency = resolveIdempotencyOptions(options.idempotency, config.cache, config.timeoutMs, caller)
  // Per-customer budgets for calls that reach Stigg (cached and shared answers are free): limits/.
  const budgets = createBudgets(limits, config.timeoutMs, (customerId, error) =>
    emit({ type: 'store_error', operation: 'budget', customerId, message: scrub(error instanceof Error ? error.message : String(error)) }),
  )
  const economy = withIdempotentReports(createUpstreamEconomy(config.dialect, config.cache, emit), config.dialect, idempotency, emit)

  const handle: ProxyPipeline['handle'] = async (request, readBody, identified) => {
    // Without onEvent nothing reads the clock or the event: no work per request for it.
    const started = config.onEvent ? performance.now() : 0
    let customerId: string | undefined
    let operationName: string | null | undefined
    try {
      // Server helpers build the request themselves: the browser envelope does not apply to them.
      if (identified === undefined) checkEnvelope(request)
      const identity = identified ?? identifyCustomer(config.identify, request)
      // A synchronous identify (cookie lookups) and an already buffered body need no await.
      const who = identity instanceof Promise ? await identity : identity
      customerId = who.customerId
      const read = readBody()
      const body = read instanceof Promise ? await read : read
      const operation = firewall(body, customerId, who.resourceId)
      operationName = operation.operationName
      const customer = customerId
      const { answer, source } = await economy.answer(customer, operation, (body) => budgets.spend(customer, () => callUpstream(upstream, operation, body)))
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
  return { handle, identify: (request) => identifyCustomer(config.identify, request), bodyTimeoutMs: limits.bodyTimeoutMs }
}

function refusalAnswer(refusal: ProxyRefusal): HttpAnswer {
  return { status: refusal.status, headers: { ...jsonHeaders, ...refusal.headers }, body: JSON.stringify({ errors: refusal.errors }) }
}

/** The signed-in customer's id; a Promise only when `identify` answers one. */
function identifyCustomer(identify: StiggProxyOptions['identify'], request: Request): Identified | Promise<Identified> {
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

/** What `identify` said, checked: the customer, and the one resource (workspace, project) the request may name. */
export interface Identified {
  customerId: string
  resourceId: string | null
}

function customerIdOf(identity: unknown): Identified {
  if (identity === null || identity === undefined) {
    throw new ProxyRefusal(401, 'UNAUTHENTICATED', 'Nobody is signed in: the Stigg proxy serves signed-in customers only.')
  }
  const customerId = typeof identity === 'object' ? (identity as { customerId?: unknown }).customerId : undefined
  if (typeof customerId !== 'string' || customerId === '') {
    throw new IdentifyError('identify() must return { customerId: non-empty string } or null.', { cause: identity })
  }
  const resourceId = (identity as { resourceId?: unknown }).resourceId ?? null
  if (resourceId !== null && (typeof resourceId !== 'string' || resourceId === '')) {
    throw new IdentifyError('identify() must return a resourceId that is a non-empty string, or none.', { cause: identity })
  }
  return { customerId, resourceId }
}

class IdentifyError extends Error {
  override readonly name = 'IdentifyError'
}
