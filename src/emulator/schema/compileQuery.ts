/*
 * The emulator's compiled-plan layer: a second, narrow executor beside graphql-js's `execute`.
 * What it buys: the emulator answers the reads Stigg clients send (one query, plain fields and
 * fragments) without graphql-js's per-request field collection and type dispatch, which were
 * three quarters of its CPU per request (bench/, profiled). Everything it cannot answer exactly
 * returns undefined and goes to `execute`, so answers never differ (test/emulator/compileQuery.test.ts).
 */
import {
  getArgumentValues,
  getNamedType,
  getVariableValues,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLLeafType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql'
import { compilePlainCoercion, type PlainCoercion } from '../../graphql/compilePlainCoercion'

/** One response key of an object: what to read and how to complete it. */
interface FieldPlan {
  key: string
  name: string
  shape: Shape
  /** Sub-selection of an object (or list of objects) field. */
  fields: FieldPlan[] | undefined
}

/** A field's type with the wrapper checks resolved at compile time, not per value. */
interface Shape {
  nonNull: boolean
  /** The item shape of a list. */
  list: Shape | undefined
  leaf: GraphQLLeafType | undefined
  /** The named type (for `__typename` on objects). */
  typeName: string
}

function shapeOf(type: GraphQLOutputType): Shape {
  const nonNull = isNonNullType(type)
  const inner = nonNull ? type.ofType : type
  if (isListType(inner)) return { nonNull, list: shapeOf(inner.ofType), leaf: undefined, typeName: '' }
  return { nonNull, list: undefined, leaf: isLeafType(inner) ? inner : undefined, typeName: inner.name }
}

/** A validated query document compiled for the common case; see {@link compileQuery}. */
export interface CompiledQuery {
  operation: OperationDefinitionNode
  /** Coerces the variables without graphql-js when they are all plain; undefined when some are not. */
  plainCoercion: PlainCoercion | undefined
  roots: Array<{ plan: FieldPlan; definition: GraphQLField<unknown, unknown>; node: FieldNode }>
}

/** Thrown where the plan meets something only graphql-js handles; the caller runs `execute` instead. */
const UNSUPPORTED = Symbol('unsupported')

/**
 * Compiles a validated query so each request skips graphql-js's per-request field collection
 * and type dispatch (profiled: three quarters of the emulator's time per request). Covers what
 * Stigg clients send: one query, fields, aliases, arguments, fragments on concrete object types,
 * no directives, schema fields without resolvers. Anything else answers undefined: `execute` runs.
 */
export function compileQuery(schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined): CompiledQuery | undefined {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
  const operation = operationName === undefined ? (operations.length === 1 ? operations[0] : undefined) : operations.find((o) => o.name?.value === operationName)
  const queryType = schema.getQueryType()
  if (!operation || operation.operation !== 'query' || !queryType) return undefined
  const fragments = new Map<string, FragmentDefinitionNode>()
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d)
  try {
    const roots = collect(queryType, [operation.selectionSet], fragments).map(([key, nodes]) => {
      const node = nodes[0]!
      const definition = queryType.getFields()[node.name.value]
      // Two root nodes under one key would need argument merging: graphql-js handles that.
      if (!definition || nodes.length > 1 || definition.resolve) throw UNSUPPORTED
      return { plan: planField(key, node.name.value, definition.type, nodes, fragments), definition, node }
    })
    return { operation, plainCoercion: compilePlainCoercion(schema, operation.variableDefinitions ?? []), roots }
  } catch (error) {
    if (error === UNSUPPORTED) return undefined
    throw error
  }
}

/** Field collection as graphql-js does it: response keys in first-seen order, same-key nodes merged. */
function collect(type: GraphQLObjectType, sets: SelectionSetNode[], fragments: Map<string, FragmentDefinitionNode>): Array<[string, FieldNode[]]> {
  const fields = new Map<string, FieldNode[]>()
  const visited = new Set<string>()
  const visit = (set: SelectionSetNode): void => {
    for (const selection of set.selections) {
      if (selection.directives?.length) throw UNSUPPORTED
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value
        const list = fields.get(key)
        if (list) list.push(selection)
        else fields.set(key, [selection])
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (selection.typeCondition && selection.typeCondition.name.value !== type.name) throw UNSUPPORTED
        visit(selection.selectionSet)
      } else {
        const fragment = fragments.get(selection.name.value)
        if (!fragment || fragment.directives?.length || fragment.typeCondition.name.value !== type.name) throw UNSUPPORTED
        if (visited.has(fragment.name.value)) continue // graphql-js also applies each fragment once per collection
        visited.add(fragment.name.value)
        visit(fragment.selectionSet)
      }
    }
  }
  for (const set of sets) visit(set)
  return [...fields]
}

function planField(key: string, name: string, type: GraphQLOutputType, nodes: FieldNode[], fragments: Map<string, FragmentDefinitionNode>): FieldPlan {
  const named = getNamedType(type)
  if (isLeafType(named)) return { key, name, shape: shapeOf(type), fields: undefined }
  if (!isObjectType(named)) throw UNSUPPORTED // interfaces and unions need runtime type resolution
  const sets = nodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []))
  const fields = collect(named, sets, fragments).map(([subKey, subNodes]) => {
    const subName = subNodes[0]!.name.value
    if (subName === '__typename') return { key: subKey, name: subName, shape: shapeOf(named), fields: undefined }
    const definition = named.getFields()[subName]
    if (!definition || definition.resolve || definition.args.length > 0) throw UNSUPPORTED
    return planField(subKey, subName, definition.type, subNodes, fragments)
  })
  return { key, name, shape: shapeOf(type), fields }
}

/**
 * Runs a compiled query: the JSON body of a `{ data }` answer, or undefined when this request
 * needs graphql-js (bad variables, a resolver error, a null in a non-null field). Queries only
 * read, so running `execute` after an abandoned attempt changes nothing.
 */
export function runCompiledQuery(
  schema: GraphQLSchema,
  compiled: CompiledQuery,
  rootValue: Record<string, unknown>,
  rawVariables: Record<string, unknown> | undefined,
): string | undefined {
  const raw = rawVariables ?? {}
  let variables = compiled.plainCoercion?.(raw)
  if (variables === undefined) {
    const coercion = getVariableValues(schema, compiled.operation.variableDefinitions ?? [], raw)
    if (coercion.errors) return undefined
    variables = coercion.coerced
  }
  const data: Record<string, unknown> = {}
  try {
    for (const { plan, definition, node } of compiled.roots) {
      const resolver = rootValue[plan.name]
      const args = getArgumentValues(definition, node, variables)
      if (typeof resolver !== 'function') throw UNSUPPORTED
      data[plan.key] = complete(plan, plan.shape, (resolver as (args: unknown) => unknown)(args))
    }
  } catch {
    // A resolver error or an unsupported value: graphql-js produces the exact error response.
    return undefined
  }
  return JSON.stringify({ data })
}

function complete(plan: FieldPlan, shape: Shape, value: unknown): unknown {
  if (value === null || value === undefined) {
    if (shape.nonNull) throw UNSUPPORTED // graphql-js reports the null and nulls the parent
    return null
  }
  if (typeof (value as { then?: unknown }).then === 'function') throw UNSUPPORTED // async resolvers: graphql-js awaits them
  if (shape.list) {
    if (!Array.isArray(value)) throw UNSUPPORTED
    const item = shape.list
    return value.map((entry) => complete(plan, item, entry))
  }
  if (shape.leaf) {
    const serialized = shape.leaf.serialize(value)
    if (serialized === undefined || serialized === null) throw UNSUPPORTED
    return serialized
  }
  if (typeof value !== 'object' || !plan.fields) throw UNSUPPORTED
  const source = value as Record<string, unknown>
  const result: Record<string, unknown> = {}
  for (const field of plan.fields) {
    if (field.name === '__typename') {
      result[field.key] = shape.typeName
      continue
    }
    const fieldValue = source[field.name]
    if (typeof fieldValue === 'function') throw UNSUPPORTED // a method resolver: graphql-js calls it with (args, context, info)
    result[field.key] = complete(field, field.shape, fieldValue)
  }
  return result
}
