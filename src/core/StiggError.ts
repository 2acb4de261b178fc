import type { GraphQLFormattedError } from 'graphql'

/** What a {@link StiggError} can carry besides its message. */
export interface StiggErrorOptions {
  /** An opaque code: GraphQL `extensions.code`, or `NETWORK_ERROR`, `HTTP_<status>`, `BAD_RESPONSE`… */
  code: string
  /** The HTTP status of the response, or null when there was none (network error). */
  status?: number | null
  graphQLErrors?: readonly GraphQLFormattedError[]
  cause?: unknown
  /** Whether trying again may succeed: network errors, 5xx and 429. */
  retryable?: boolean
  /** From the response's `Retry-After` header, in milliseconds. */
  retryAfterMs?: number | null
}

/**
 * The one error class of react-stigg: every failed query, mutation and client call rejects
 * with it, whatever went wrong underneath.
 *
 * @example
 * if (error instanceof StiggError && error.code === 'HTTP_401') signIn()
 */
export class StiggError extends Error {
  // `declare`d and assigned in the constructor: class-field syntax would compile to a helper per field.
  declare readonly code: string
  declare readonly status: number | null
  declare readonly graphQLErrors: readonly GraphQLFormattedError[]
  declare readonly retryable: boolean
  declare readonly retryAfterMs: number | null

  /**
   * @param message What went wrong; empty means `react-stigg: <code>`. The library's own long
   * messages exist in development builds only, as React's do; `code` and `status` say the same.
   */
  constructor(message: string, options: StiggErrorOptions) {
    super(message || `react-stigg: ${options.code}`, options.cause === undefined ? undefined : { cause: options.cause })
    this.name = 'StiggError'
    this.code = options.code
    this.status = options.status ?? null
    this.graphQLErrors = options.graphQLErrors ?? []
    this.retryable = options.retryable ?? false
    this.retryAfterMs = options.retryAfterMs ?? null
  }
}

/** True for failures where a later attempt may succeed: no response at all, 5xx, 429. */
export function isRetryableStatus(status: number | null): boolean {
  return status === null || status === 429 || status >= 500
}

/**
 * `Retry-After` as milliseconds: seconds (fractions tolerated) or an HTTP date; null when
 * absent or unreadable.
 */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | null {
  if (!value?.trim()) return null
  const seconds = Number(value)
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(value) - now
  return Number.isNaN(ms) ? null : Math.max(0, ms)
}
