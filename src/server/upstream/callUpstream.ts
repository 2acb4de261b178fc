import type { HttpAnswer } from '../../graphql/HttpAnswer'
import { UpstreamTooLarge, type UpstreamResponse, type UpstreamSender } from './UpstreamSender'
import { rebuildAnswer } from './rebuildAnswer'
import { jsonHeaders, ProxyRefusal } from '../ProxyRefusal'
import { retryAfterSeconds } from './retryAfterSeconds'
import { DeadlineQueue } from './DeadlineQueue'
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
  /** The headers of every upstream call (content type, accept, the key): built once per proxy. */
  headers: Record<string, string>
  /** The key has no character JSON escapes: see `rebuildAnswer`. */
  plainKey: boolean
  /** Every call's `timeoutMs` deadline, on one timer. */
  deadlines: DeadlineQueue
}

/** What {@link callUpstream} needs, from the proxy's resolved options. */
export function createUpstreamConfig(options: Pick<UpstreamConfig, 'send' | 'apiKey' | 'timeoutMs' | 'dialect' | 'scrub' | 'exposeUpstreamErrors'>): UpstreamConfig {
  return {
    ...options,
    headers: { 'content-type': 'application/json', accept: 'application/json', 'x-api-key': options.apiKey },
    plainKey: JSON.stringify(options.apiKey).length === options.apiKey.length + 2,
    deadlines: new DeadlineQueue(options.timeoutMs),
  }
}

/**
 * The largest upstream answer read (bytes). The client's largest read (100 entitlement checks)
 * is answered in about 30 KB; hosted subscription lists stay far below this.
 */
export const MAX_UPSTREAM_BYTES = 4 * 1024 * 1024

/** Statuses a GraphQL-over-HTTP server answers with a GraphQL body (others are faults or mapped above). */
const graphQLStatuses = new Set([200, 400])

/**
 * Sends the vetted operation (`body`, the dialect's upstream body, built once for the sharing key
 * and this call) with the server's key and nothing from the browser, within `timeoutMs` from
 * sending to the last byte. Resolves with the browser's answer; rejects with an {@link UpstreamFault}.
 */
export function callUpstream(config: UpstreamConfig, operation: VettedOperation, body: string): Promise<HttpAnswer> {
  // One Promise settled by callbacks, instead of an async function racing a deadline Promise at
  // each await: fewer allocations and microtask hops per call (bench/profileProxy.ts).
  return new Promise((resolve, reject) => {
    let settled = false
    const fail = (error: unknown): void => {
      if (settled) return
      settled = true
      config.deadlines.cancel(deadline)
      reject(error)
    }
    // A read may be resent once on a fresh connection when a reused one was already closed.
    const idempotent = operation.rootFields.every((field) => field.startsWith('__') || config.dialect.queryFields.includes(field))
    const call = config.send(config.headers, body, { idempotent })
    const deadline = config.deadlines.start(() => {
      fail(new UpstreamFault(504, 'UPSTREAM_TIMEOUT', 'Stigg did not answer in time.', `no complete answer within timeoutMs (${config.timeoutMs} ms)`))
      call.abort()
    })
    const answered = (response: UpstreamResponse): void => {
      if (settled) return
      const { status } = response
      if (status === 401 || status === 403) {
        response.discard()
        return fail(
          new UpstreamFault(502, 'UPSTREAM_AUTH', 'Proxy misconfigured: upstream rejected the API key.', `upstream answered ${status}: check the proxy's apiKey against the upstream`),
        )
      }
      response.text(MAX_UPSTREAM_BYTES).then(
        (text) => {
          if (settled) return
          let answer: HttpAnswer
          try {
            answer = browserAnswer(config, operation, status, response.retryAfter, text)
          } catch (error) {
            return fail(error)
          }
          settled = true
          config.deadlines.cancel(deadline)
          resolve(answer)
        },
        (error: unknown) => {
          if (error instanceof UpstreamTooLarge) {
            return fail(new UpstreamFault(502, 'UPSTREAM_TOO_LARGE', 'Stigg answered more than the proxy reads.', `the answer exceeded ${MAX_UPSTREAM_BYTES} bytes`))
          }
          fail(new UpstreamFault(502, 'UPSTREAM_UNAVAILABLE', 'The connection to Stigg broke.', `reading the answer failed: ${describe(error)}`))
        },
      )
    }
    call.response.then(answered, (error: unknown) => fail(new UpstreamFault(502, 'UPSTREAM_UNAVAILABLE', 'Stigg could not be reached.', `request failed: ${describe(error)}`)))
  })
}

/** The whole upstream answer as the browser's, or an {@link UpstreamFault}. */
function browserAnswer(config: UpstreamConfig, operation: VettedOperation, status: number, retryAfter: string | null, text: string): HttpAnswer {
  if (status === 429) {
    const seconds = retryAfterSeconds(retryAfter)
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
  return { status, headers: jsonHeaders, body: rebuildAnswer(mapped, config.scrub, config.exposeUpstreamErrors, config.plainKey) }
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
