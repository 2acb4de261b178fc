import type { GraphQLSchema } from 'graphql'
import type { StiggDialectName } from '../types'

/** An operation that passed the firewall, ready to be sent upstream. */
export interface VettedOperation {
  /** The selected operation and the fragments it uses, printed from the vetted AST. */
  query: string
  operationName: string | null
  /** Coerced values of the declared variables only. */
  variables: Record<string, unknown>
  /** Root field names, each once. */
  rootFields: string[]
}

/**
 * What differs between upstream schemas. The firewall only reads `schema` and the
 * field/argument names; the request and response translation live here, so a new
 * upstream is a new adapter, not a change to the firewall.
 */
export interface StiggDialect {
  readonly name: StiggDialectName
  /** The schema browser operations are validated against (the client always speaks it). */
  readonly schema: GraphQLSchema
  /** Query root fields a signed-in customer may read. */
  readonly queryFields: readonly string[]
  /** The mutation root field behind `allow.reportUsage`. */
  readonly reportUsageField: string
  /** The mutation root field behind `allow.provisionCustomer`. */
  readonly provisionCustomerField: string
  /** The argument / input-object field that names a customer: pinned to the identified one. */
  readonly customerIdName: string
  /** The usage amount inside the coerced arguments of the report-usage field. */
  usageValue(args: Record<string, unknown>): unknown
  /** The JSON body sent upstream. */
  buildUpstreamBody(operation: VettedOperation): string
  /**
   * The upstream's parsed GraphQL response as the client expects it. Returning `body`
   * itself means "unchanged", and the upstream's bytes are passed through as they came.
   */
  mapResponse(body: Record<string, unknown>, operation: VettedOperation): Record<string, unknown>
}
