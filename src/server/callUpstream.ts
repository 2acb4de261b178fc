import { jsonHeaders, ProxyRefusal } from './ProxyRefusal'
import { retryAfterSeconds } from './retryAfterSeconds'
import type { StiggDialect, VettedOperation } from './StiggDialect'
import type { StiggUpstreamErrorCode } from './types'

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
  url: string
  apiKey: string
  timeoutMs: number
  fetch: (request: Request) => Promise<Response>
  dialect: StiggDialect
  /** Removes the key from anything the upstream sends back. */
  scrub: (text: string) => string
}

const TIMED_OUT = Symbol('timed out')

/**
 * Sends the vetted operation with the server's key and nothing from the browser, within
 * `timeoutMs` from sending to the last byte. Resolves with the browser's response; throws
 * an {@link UpstreamFault}.
 */
export async function callUpstream(config: UpstreamConfig, operation: VettedOperation): Promise<Response> {
  const controller = new AbortController()
  const deadline = new Promise<never>((_, reject) => {
    controller.signal.addEventListener('abort', () => reject(TIMED_OUT), { once: true })
  })
  deadline.catch(() => undefined) // rejection is observed through the races below
  const timer = setTimeout(() => controller.abort(), config.timeoutMs)
  const timeout = () =>
    new UpstreamFault(504, 'UPSTREAM_TIMEOUT', 'Stigg did not answer in time.', `no complete answer within timeoutMs (${config.timeoutMs} ms)`)
  try {
    const request = new Request(config.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', 'x-api-key': config.apiKey },
      body: config.dialect.buildUpstreamBody(operation),
      signal: controller.signal,
      // Following a redirect could carry the key to another host.
      redirect: 'manual',
    })
    let response: Response
    try {
      response = await Promise.race([config.fetch(request), deadline])
    } catch (error) {
      if (error === TIMED_OUT || controller.signal.aborted) throw timeout()
      throw new UpstreamFault(502, 'UPSTREAM_UNAVAILABLE', 'Stigg could not be reached.', `request failed: ${describe(error)}`)
    }
    const { status } = response
    if (status === 401 || status === 403) {
      await response.body?.cancel().catch(() => undefined)
      throw new UpstreamFault(
        502,
        'UPSTREAM_AUTH',
        'Proxy misconfigured: upstream rejected the API key.',
        `upstream answered ${status}: check the proxy's apiKey against the upstream`,
      )
    }
    let text: string
    try {
      text = await Promise.race([response.text(), deadline])
    } catch (error) {
      if (error === TIMED_OUT || controller.signal.aborted) throw timeout()
      throw new UpstreamFault(502, 'UPSTREAM_UNAVAILABLE', 'The connection to Stigg broke.', `reading the answer failed: ${describe(error)}`)
    }
    if (status === 429) {
      const seconds = retryAfterSeconds(response.headers.get('retry-after'))
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
    if (!body) {
      throw new UpstreamFault(502, 'UPSTREAM_BAD_RESPONSE', 'Stigg answered unexpectedly.', `upstream answered ${status} without a GraphQL JSON body`)
    }
    const mapped = config.dialect.mapResponse(body, operation)
    return new Response(config.scrub(mapped === body ? text : JSON.stringify(mapped)), { status, headers: jsonHeaders })
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
