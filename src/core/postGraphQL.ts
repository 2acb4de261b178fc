import type { GraphQLFormattedError } from 'graphql'
import { isRetryableStatus, parseRetryAfter, StiggError } from './StiggError'
import type { StiggClientOptions } from './createStiggClient'
import { graphQLErrorCode } from './toStiggError'
import { warnOnce } from './warnOnce'

/** A GraphQL answer that arrived: `data` and `errors` side by side (partial results are normal). */
export interface GraphQLResult<T> {
  data: T | null | undefined
  errors: readonly GraphQLFormattedError[]
  status: number
}

/**
 * One GraphQL-over-HTTP POST. Resolves with `data` + `errors` for any 2xx GraphQL JSON answer;
 * rejects with a {@link StiggError} for everything else:
 * - a relative `url` with no `window.location` (server side): `INVALID_URL`;
 * - no response, or the body broke off: `NETWORK_ERROR` (retryable, `status` null), or `ABORTED`;
 * - a non-2xx status: the first GraphQL error's `extensions.code`, else `HTTP_<status>`, with
 *   `graphQLErrors`, `retryable` for 5xx/429 and `retryAfterMs` from `Retry-After`;
 * - a 2xx body that is not GraphQL JSON: `BAD_RESPONSE` with the HTTP status.
 */
export async function postGraphQL<T>(
  options: StiggClientOptions,
  query: string,
  variables: Record<string, unknown>,
  signal?: AbortSignal,
): Promise<GraphQLResult<T>> {
  const { url, headers } = options
  const requestHeaders = new Headers(typeof headers === 'function' ? headers() : headers)
  requestHeaders.set('content-type', 'application/json')
  const operationName = /\w+ (\w+)/.exec(query)?.[1]
  let endpoint: string | undefined
  let response: Response
  let text: string
  try {
    // Resolved per request: a provider rendered on the server must not fail for a relative url it never calls.
    endpoint = new URL(url, (globalThis as { location?: { href: string } }).location?.href).href
    response = await (options.fetch ?? fetch)(endpoint, {
      method: 'POST',
      headers: requestHeaders,
      body: JSON.stringify({ query, variables, operationName }),
      signal,
    })
    text = await response.text()
  } catch (cause) {
    // No endpoint: the url did not resolve. Otherwise a body that broke off after the headers is
    // as lost as no answer at all: no status.
    const aborted = (cause as Error | null)?.name === 'AbortError' || !!signal?.aborted
    throw new StiggError(
      process.env.NODE_ENV !== 'production'
        ? endpoint
          ? `react-stigg: ${url} could not be reached: ${String(cause)}`
          : `react-stigg: the url '${url}' is relative and there is no window.location (server side): pass an absolute one.`
        : '',
      {
        code: !endpoint ? 'INVALID_URL' : aborted ? 'ABORTED' : 'NETWORK_ERROR',
        cause,
        retryable: !!endpoint && !aborted,
      },
    )
  }
  const { ok, status } = response
  let body: { data?: T | null; errors?: unknown } | null | undefined
  try {
    body = JSON.parse(text) as typeof body
  } catch {
    // Not JSON: an HTML error page, a truncated answer. Decided below, by status.
  }
  // Null entries would break `path`/`extensions` reads; other junk reads as a message-less error.
  const errors = (Array.isArray(body?.errors) ? (body.errors as GraphQLFormattedError[]) : []).filter(Boolean)
  // GraphQL JSON has `data` (null counts) or `errors`; anything else is not an answer.
  if (!ok || (body?.data === undefined && errors.length === 0)) {
    if (process.env.NODE_ENV !== 'production' && (status === 401 || status === 403)) {
      // Once per page: a proxy that identifies nobody (or someone else) fails every request alike.
      warnOnce(
        `${url} answered ${status}: ${errors[0]?.message ?? text.slice(0, 200)} (StiggProvider's customerId must be the customer the proxy's identify() returns; with stiggDevPlugin, set the stigg_demo_customer cookie or pass identify.)`,
      )
    }
    throw new StiggError(
      process.env.NODE_ENV !== 'production'
        ? `react-stigg: ${url} answered ${status}: ${ok ? 'not GraphQL JSON (is it your Stigg proxy?)' : (errors[0]?.message ?? text.slice(0, 200))}`
        : '',
      {
        code: ok ? 'BAD_RESPONSE' : (graphQLErrorCode(errors[0]) ?? `HTTP_${status}`),
        status,
        graphQLErrors: errors,
        retryable: isRetryableStatus(status),
        retryAfterMs: parseRetryAfter(response.headers.get('retry-after')),
      },
    )
  }
  return { data: body?.data, errors, status }
}
