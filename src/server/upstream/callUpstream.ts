import type { HttpAnswer } from '../../graphql/HttpAnswer'
import { UpstreamTooLarge, type UpstreamResponse, type UpstreamSender } from './UpstreamSender'
import { rebuildAnswer } from './rebuildAnswer'
import { jsonHeaders, ProxyRefusal } from '../ProxyRefusal'
import { retryAfterSeconds } from './retryAfterSeconds'
import type { StiggDialect, VettedOperation } from '../dialects/StiggDialect'
import type { StiggUpstreamErrorCode } from '../types'

/** An upstream failure: `message` goes to the browser, `detail` only to `onEvent`. */
export class UpstreamFault extends ProxyRefusal {
  override readonly code: StiggUpstreamErrorCode
  readonly detail: string

  constructor(status: number, code: StiggUpstreamErrorCode, message: string, detail: string, headers?: Record<string, string>) {
    super(status, code, message, headers ? { headers } : {})
    this.code = code
    this.detail = detail
  }
}

export interface UpstreamConfig {
  /** Sends one POST to the upstream URL: see `createUpstreamSender`. */
  send: UpstreamSender
  apiKey: string
  timeoutMs: number
  dialect: StiggDialect
  /** Removes the key from anything the upstream sends back. */
  scrub: (text: string) => string
  /** Pass upstream errors whole (stack traces, extensions) instead of message + path + code. */
  exposeUpstreamErrors: boolean
}

/**
 * The largest upstream answer read (bytes). The client's largest read (100 entitlement checks)
 * is answered in about 30 KB; hosted subscription lists stay far below this.
 */
export const MAX_UPSTREAM_BYTES = 4 * 1024 * 1024

/** Statuses a GraphQL-over-HTTP server answers with a GraphQL body (others are faults or mapped above). */
const graphQLStatuses = new Set([200, 400])

const TIMED_OUT = Symbol('timed out')

/**
 * Sends the vetted operation with the server's key and nothing from the browser, within
 * `timeoutMs` from sending to the last byte. Resolves with the browser's answer; throws
 * an {@link UpstreamFault}.
 */
export async function callUpstream(config: UpstreamConfig, operation: VettedOperation): Promise<HttpAnswer> {
  let expire: (reason: typeof TIMED_OUT) => void = () => undefined
  const deadline = new Promise<never>((_, reject) => {
    expire = reject
  })
  deadline.catch(() => undefined) // rejection is observed through the races below
  const headers = { 'content-type': 'application/json', accept: 'application/json', 'x-api-key': config.apiKey }
  // A read may be resent once on a fresh connection when a reused one was already closed.
  const idempotent = operation.rootFields.every((field) => field.startsWith('__') || config.dialect.queryFields.includes(field))
  const call = config.send(headers, config.dialect.buildUpstreamBody(operation), { idempotent })
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    expire(TIMED_OUT)
    call.abort()
  }, config.timeoutMs)
  const timeout = () =>
    new UpstreamFault(504, 'UPSTREAM_TIMEOUT', 'Stigg did not answer in time.', `no complete answer within timeoutMs (${config.timeoutMs} ms)`)
  try {
    let response: UpstreamResponse
    try {
      response = await Promise.race([call.response, deadline])
    } catch (error) {
      if (error === TIMED_OUT || timedOut) throw timeout()
      throw new UpstreamFault(502, 'UPSTREAM_UNAVAILABLE', 'Stigg could not be reached.', `request failed: ${describe(error)}`)
    }
    const { status } = response
    if (status === 401 || status === 403) {
      response.discard()
      throw new UpstreamFault(
        502,
        'UPSTREAM_AUTH',
        'Proxy misconfigured: upstream rejected the API key.',
        `upstream answered ${status}: check the proxy's apiKey against the upstream`,
      )
    }
    let text: string
    try {
      text = await Promise.race([response.text(MAX_UPSTREAM_BYTES), deadline])
    } catch (error) {
      if (error === TIMED_OUT || timedOut) throw timeout()
      if (error instanceof UpstreamTooLarge) {
        throw new UpstreamFault(502, 'UPSTREAM_TOO_LARGE', 'Stigg answered more than the proxy reads.', `the answer exceeded ${MAX_UPSTREAM_BYTES} bytes`)
      }
      throw new UpstreamFault(502, 'UPSTREAM_UNAVAILABLE', 'The connection to Stigg broke.', `reading the answer failed: ${describe(error)}`)
    }
    if (status === 429) {
      const seconds = retryAfterSeconds(response.retryAfter)
      throw new UpstreamFault(429, 'RATE_LIMITED', `Stigg's rate limit was reached; retry in ${seconds} s.`, 'upstream answered 429', {
        'retry-after': String(seconds),
      })
    }
    if (status >= 500) {
      throw new UpstreamFault(502, 'UPSTREAM_ERROR', 'Stigg answered with a server error.', `upstream answered ${status}`)
    }
    const body = graphQLResponse(text)
    if (status >= 300 && status < 400) {
      throw new UpstreamFault(502, 'UPSTREAM_BAD_RESPONSE', 'Stigg answered unexpectedly.', `upstream answered a redirect (${status}): set upstreamUrl to the final URL`)
    }
    if (!graphQLStatuses.has(status)) {
      // 204, 205, 404, 422…: not an answer the browser can read (and 205 with a body crashed `new Response`).
      throw new UpstreamFault(502, 'UPSTREAM_BAD_RESPONSE', 'Stigg answered unexpectedly.', `upstream answered status ${status}, outside GraphQL over HTTP`)
    }
    if (!body) {
      throw new UpstreamFault(502, 'UPSTREAM_BAD_RESPONSE', 'Stigg answered unexpectedly.', `upstream answered ${status} without a GraphQL JSON body`)
    }
    const mapped = config.dialect.mapResponse(body, operation)
    // Rebuilt, never passed through: decoded, reduced and scrubbed in both dialects.
    const plainKey = JSON.stringify(config.apiKey).length === config.apiKey.length + 2
    return { status, headers: jsonHeaders, body: rebuildAnswer(mapped, config.scrub, config.exposeUpstreamErrors, plainKey) }
  } finally {
    clearTimeout(timer)
  }
}

function graphQLResponse(text: string): Record<string, unknown> | undefined {
  try {
    const body: unknown = JSON.parse(text)
    if (typeof body === 'object' && body !== null && !Array.isArray(body) && ('data' in body || 'errors' in body)) {
      return body as Record<string, unknown>
    }
  } catch {
    // fall through: not JSON
  }
  return undefined
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : ''
  return `${error.message}${cause}`
}
