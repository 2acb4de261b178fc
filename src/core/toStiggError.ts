import type { GraphQLFormattedError } from 'graphql'
import { StiggError } from './StiggError'

/** `extensions.code` as a string, whichever style the server uses; null when absent. */
export function graphQLErrorCode(error: GraphQLFormattedError | undefined): string | null {
  const code = error?.extensions?.['code']
  return typeof code === 'string' ? code : null
}

/**
 * A StiggError from the GraphQL errors of an answer that otherwise arrived fine (HTTP 2xx):
 * the first error's `extensions.code` (else `GRAPHQL_ERROR`), all errors in `graphQLErrors`.
 * Not retryable: the same operation will fail the same way. HTTP-level failures are mapped by
 * `postGraphQL`.
 */
export function toStiggError(errors: readonly GraphQLFormattedError[], status: number, what: string): StiggError {
  const first = errors[0]
  const message = first?.message ?? 'no message'
  return new StiggError(process.env.NODE_ENV !== 'production' ? `react-stigg: ${what} failed: ${message}` : message, {
    code: graphQLErrorCode(first) ?? 'GRAPHQL_ERROR',
    status,
    graphQLErrors: errors,
  })
}
