import { Kind, type GraphQLSchema, type OperationDefinitionNode } from 'graphql'

/** A declared variable of type String or Boolean (nullable or not) without a default. */
export interface PlainVariable {
  name: string
  kind: 'string' | 'boolean'
  nullable: boolean
}

/** Finds variables whose coercion is the identity: String or Boolean, no default; undefined when any other kind is declared. */
export function plainVariables(schema: GraphQLSchema, operation: OperationDefinitionNode): PlainVariable[] | undefined {
  const plain: PlainVariable[] = []
  for (const definition of operation.variableDefinitions ?? []) {
    const nullable = definition.type.kind !== Kind.NON_NULL_TYPE
    const named = definition.type.kind === Kind.NON_NULL_TYPE ? definition.type.type : definition.type
    if (definition.defaultValue || named.kind !== Kind.NAMED_TYPE) return undefined
    const type = schema.getType(named.name.value)
    if (!type || (type !== schema.getType('String') && type !== schema.getType('Boolean'))) return undefined
    plain.push({ name: definition.variable.name.value, kind: type === schema.getType('String') ? 'string' : 'boolean', nullable })
  }
  return plain
}

/**
 * The values graphql-js's coercion would produce when every variable is a plain String or
 * Boolean of the right JSON type; undefined sends anything else through `getVariableValues`.
 */
export function plainValues(
  variables: PlainVariable[] | undefined,
  raw: Record<string, unknown>,
): { coerced: Record<string, unknown>; errors?: undefined } | undefined {
  if (!variables) return undefined
  const coerced: Record<string, unknown> = {}
  for (const { name, kind, nullable } of variables) {
    const value = raw[name]
    if (typeof value === kind) coerced[name] = value
    else if (!(nullable && (value === null || (value === undefined && !Object.hasOwn(raw, name))))) return undefined
    else if (value === null) coerced[name] = null
  }
  return { coerced }
}
