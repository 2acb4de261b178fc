/**
 * An error a GraphQL client should see with a specific `extensions.code`
 * (`CustomerNotFound`, `FeatureNotFound`, `BAD_USER_INPUT`). graphql-js copies
 * `extensions` from the original error onto the formatted one.
 */
export class EmulatorError extends Error {
  readonly extensions: { code: string }

  constructor(code: string, message: string) {
    super(message)
    this.name = 'EmulatorError'
    this.extensions = { code }
  }

  get code(): string {
    return this.extensions.code
  }
}
