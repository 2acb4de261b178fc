import { GraphQLError } from 'graphql'
import { EmulatorError } from '../EmulatorError'

/** What a client sees of a failure inside the emulator: never its message, stack or paths. */
export const INTERNAL_ERROR_MESSAGE = 'The emulator failed to handle this request; see its server log.'

/** The detail of an internal failure goes to the server log only. */
export function logInternalError(error: unknown): void {
  console.error('[react-stigg emulator] internal error:', error)
}

/**
 * Whether a resolver's error is meant for the client: an {@link EmulatorError} (a Stigg-like
 * code such as `CustomerNotFound`) or graphql-js's own request errors. Anything else (a
 * TypeError, a storage failure) is a bug or an outage: it is answered generically.
 */
export function isClientError(error: GraphQLError): boolean {
  const original = error.originalError
  return original === undefined || original === null || original instanceof EmulatorError || original instanceof GraphQLError
}
