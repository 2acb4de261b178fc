import { Kind, type GraphQLSchema, type VariableDefinitionNode } from 'graphql'

/** A declared variable whose coercion is the identity: String or Boolean, no default. */
interface PlainVariable {
  name: string
  kind: 'string' | 'boolean'
  nullable: boolean
}

/** Coerced variables, or undefined when graphql-js must coerce them (and report the error). */
export type PlainCoercion = (raw: Record<string, unknown>) => Record<string, unknown> | undefined

/**
 * Coerces variables the way graphql-js's `getVariableValues` does, for the declarations it can
 * answer without it: every variable a String or Boolean without a default (what the client
 * sends). Returns undefined for any other declaration list; the returned function answers
 * undefined when a value is not of the declared JSON type, so graphql-js reports the error.
 * Shared by the proxy's firewall and the emulator's compiled reads.
 */
export function compilePlainCoercion(
  schema: GraphQLSchema,
  definitions: readonly VariableDefinitionNode[],
): PlainCoercion | undefined {
  const stringType = schema.getType('String')
  const booleanType = schema.getType('Boolean')
  const plain: PlainVariable[] = []
  for (const definition of definitions) {
    const nullable = definition.type.kind !== Kind.NON_NULL_TYPE
    const named = definition.type.kind === Kind.NON_NULL_TYPE ? definition.type.type : definition.type
    if (definition.defaultValue || definition.directives?.length || named.kind !== Kind.NAMED_TYPE) return undefined
    const type = schema.getType(named.name.value)
    if (type === undefined || (type !== stringType && type !== booleanType)) return undefined
    plain.push({ name: definition.variable.name.value, kind: type === stringType ? 'string' : 'boolean', nullable })
  }
  return (raw) => {
    const coerced: Record<string, unknown> = {}
    for (const { name, kind, nullable } of plain) {
      const value = raw[name]
      if (typeof value === kind) coerced[name] = value
      // A wrong type, or no value for a non-null variable: graphql-js reports the error.
      else if (!nullable || (value !== null && value !== undefined)) return undefined
      // Like graphql-js: null, or a name present with no value, becomes null; an absent name stays out.
      else if (value === null || Object.hasOwn(raw, name)) coerced[name] = null
    }
    return coerced
  }
}
