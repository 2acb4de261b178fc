import type { GraphQLFormattedError } from 'graphql'
import { ClientError } from 'graphql-request'
import { isRetryableStatus, parseRetryAfter, StiggError } from './StiggError'

/** `extensions.code` as a string, whichever style the server uses; null when absent. */
export function graphQLErrorCode(error: GraphQLFormattedError | undefined): string | null {
  const code = error?.extensions?.['code']
  return typeof code === 'string' ? code : null
}

/** `CUSTOMER_NOT_FOUND` (hosted style) becomes `CustomerNotFound`; other codes pass through. */
export function normaliseErrorCode(code: string): string {
  if (!/^[A-Z0-9]+(_[A-Z0-9]+)+$/.test(code)) return code
  return code
    .toLowerCase()
    .split('_')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('')
}

/** A StiggError from GraphQL errors in a response that otherwise arrived fine. */
export function fromGraphQLErrors(errors: readonly GraphQLFormattedError[], status: number, what: string): StiggError {
  const first = errors[0]
  return new StiggError(`react-stigg: the Stigg endpoint answered ${what} with an error: ${first?.message ?? 'unknown error'}`, {
    code: graphQLErrorCode(first) ?? 'GRAPHQL_ERROR',
    status,
    graphQLErrors: errors,
    retryable: false,
  })
}

/** Every failure of a client call, as one {@link StiggError}. */
export function toStiggError(error: unknown, url: string): StiggError {
  if (error instanceof StiggError) return error
  if (error instanceof ClientError) {
    const { status, headers, errors } = error.response
    const graphQLErrors = (errors ?? []) as readonly GraphQLFormattedError[]
    const code = graphQLErrorCode(graphQLErrors[0]) ?? `HTTP_${status}`
    const detail = graphQLErrors[0]?.message ?? `HTTP ${status}`
    return new StiggError(`react-stigg: the Stigg endpoint ${url} answered ${status}: ${detail}`, {
      code,
      status,
      graphQLErrors,
      cause: error,
      retryable: isRetryableStatus(status),
      retryAfterMs: parseRetryAfter(headers?.get('Retry-After')),
    })
  }
  return new StiggError(
    `react-stigg: the Stigg endpoint ${url} sent a response that is not GraphQL JSON (${error instanceof Error ? error.message : String(error)}). Check that \`url\` points at your Stigg proxy.`,
    { code: 'BAD_RESPONSE', status: null, cause: error, retryable: false },
  )
}
