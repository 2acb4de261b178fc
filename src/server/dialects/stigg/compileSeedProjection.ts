import {
  isEnumType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  Kind,
  type FragmentDefinitionNode,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type SelectionSetNode,
} from 'graphql'

/** A value the projection cannot answer exactly as graphql-js would (a null in a non-null field, a bad scalar…). */
export const BAIL: unique symbol = Symbol('bail')

/** Shapes one resolved value as its selection asks, or answers {@link BAIL}. */
export type Projector = (value: unknown) => unknown

/**
 * A selection of the seed schema compiled to plain property copies: what `executeSync` does for
 * these selections, without building an execution context, resolving field by field and
 * collecting fields per object (it was most of the 1.5 ms a 100-check batch cost to map).
 * Only the shapes the client sends are compiled (no directives, no repeated object keys, no
 * arguments below the root, no abstract types); anything else answers undefined here, and
 * any value outside the expected types BAILs at run time: both fall back to execution.
 */
export function compileProjector(type: GraphQLOutputType, selectionSet: SelectionSetNode | undefined, fragments: ReadonlyMap<string, FragmentDefinitionNode>): Projector | undefined {
  if (isNonNullType(type)) {
    const inner = compileNullable(type.ofType, selectionSet, fragments)
    return inner && ((value) => (value === null || value === undefined ? BAIL : inner(value)))
  }
  const inner = compileNullable(type, selectionSet, fragments)
  return inner && ((value) => (value === null || value === undefined ? null : inner(value)))
}

function compileNullable(type: GraphQLOutputType, selectionSet: SelectionSetNode | undefined, fragments: ReadonlyMap<string, FragmentDefinitionNode>): Projector | undefined {
  if (isListType(type)) {
    const item = compileProjector(type.ofType, selectionSet, fragments)
    if (!item) return undefined
    return (value) => {
      if (!Array.isArray(value)) return BAIL
      const out = new Array<unknown>(value.length)
      for (let i = 0; i < value.length; i++) if ((out[i] = item(value[i])) === BAIL) return BAIL
      return out
    }
  }
  if (isEnumType(type)) {
    const names = new Set(type.getValues().map((value) => value.name))
    return (value) => (typeof value === 'string' && names.has(value) ? value : BAIL)
  }
  if (isScalarType(type)) return scalars[type.name]
  if (isObjectType(type) && selectionSet) return compileObject(type, selectionSet, fragments)
  return undefined
}

const scalars: Record<string, Projector | undefined> = {
  String: (value) => (typeof value === 'string' ? value : BAIL),
  ID: (value) => (typeof value === 'string' ? value : BAIL),
  Boolean: (value) => (typeof value === 'boolean' ? value : BAIL),
  Float: (value) => (typeof value === 'number' && Number.isFinite(value) ? value : BAIL),
  Int: (value) => (Number.isInteger(value) && Math.abs(value as number) <= 2_147_483_647 ? value : BAIL),
}

interface FieldCopy {
  key: string
  name: string
  project: Projector | undefined
}

function compileObject(type: GraphQLObjectType, selectionSet: SelectionSetNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>): Projector | undefined {
  const copies = collectCopies(type, selectionSet, fragments)
  if (!copies) return undefined
  const typeName = type.name
  return (value) => {
    if (typeof value !== 'object' || value === null) return BAIL
    const source = value as Record<string, unknown>
    const out: Record<string, unknown> = {}
    for (const { key, name, project } of copies) {
      const result = project === undefined ? typeName : project(source[name])
      if (result === BAIL) return BAIL
      out[key] = result
    }
    return out
  }
}

/** The fields of one object selection in response order, or undefined for a shape left to execution. */
function collectCopies(type: GraphQLObjectType, selectionSet: SelectionSetNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>): FieldCopy[] | undefined {
  const copies: FieldCopy[] = []
  const seen = new Map<string, string>()
  const fields = type.getFields()
  const visit = (set: SelectionSetNode, depth: number): boolean => {
    if (depth > 20) return false
    for (const selection of set.selections) {
      if (selection.directives?.length) return false
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value
        const name = selection.name.value
        const previous = seen.get(key)
        if (previous !== undefined) {
          // The same leaf twice (a fragment and the selection both ask for it) merges; anything else is left to execution.
          if (previous !== name || selection.selectionSet) return false
          continue
        }
        if (selection.arguments?.length) return false
        seen.set(key, name)
        if (name === '__typename') {
          copies.push({ key, name, project: undefined })
          continue
        }
        const field = fields[name]
        const project = field && compileProjector(field.type, selection.selectionSet, fragments)
        if (!project) return false
        copies.push({ key, name, project })
      } else {
        const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments.get(selection.name.value)
        if (!fragment || (fragment.typeCondition && fragment.typeCondition.name.value !== type.name)) return false
        if (!visit(fragment.selectionSet, depth + 1)) return false
      }
    }
    return true
  }
  return visit(selectionSet, 0) ? copies : undefined
}
