import type { GraphQLFormattedError } from 'graphql'
import { StiggError } from './StiggError'

/** `extensions.code` as a string, whichever style the server uses; null when absent. */
export function graphQLErrorCode(error: GraphQLFormattedError | undefined): string | null {
  const code = error?.extensions?.['code']
  return typeof code === 'string' ? code : null
}

/** `CUSTOMER_NOT_FOUND` (hosted style) becomes `CustomerNotFound`; other codes pass through. */
export function normaliseErrorCode(code: string): string {
  return /^[A-Z0-9]+(_[A-Z0-9]+)+$/.test(code)
    ? code.toLowerCase().replace(/(?:^|_)(.)/g, (_, letter: string) => letter.toUpperCase())
    : code
}

/**
 * A StiggError from the GraphQL errors of an answer that otherwise arrived fine (HTTP 2xx):
 * the first error's `extensions.code` (else `GRAPHQL_ERROR`), all errors in `graphQLErrors`.
 * Not retryable: the same operation will fail the same way. HTTP-level failures are mapped by
 * `postGraphQL`.
 */
export function toStiggError(errors: readonly GraphQLFormattedError[], status: number, what: string): StiggError {
  const first = errors[0]
  return new StiggError(`react-stigg: ${what} failed: ${first?.message ?? 'no message'}`, {
    code: graphQLErrorCode(first) ?? 'GRAPHQL_ERROR',
    status,
    graphQLErrors: errors,
  })
}
