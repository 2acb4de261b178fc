import {
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql'

/**
 * Pure AST helpers. They run before validation (limits are cheaper than validating a
 * hostile document), so they tolerate unknown fragments and fragment cycles.
 */

export type FragmentMap = ReadonlyMap<string, FragmentDefinitionNode>

export function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  const fragments = new Map<string, FragmentDefinitionNode>()
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION && !fragments.has(definition.name.value)) {
      fragments.set(definition.name.value, definition)
    }
  }
  return fragments
}

/** The operation to run, following the GraphQL-over-HTTP rules; an error message when there is none. */
export function selectOperation(
  document: DocumentNode,
  operationName: string | null,
): OperationDefinitionNode | string {
  const operations = document.definitions.filter(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
  )
  if (operations.length === 0) return 'The document contains no operation: send a query or mutation.'
  if (operationName === null) {
    if (operations.length > 1) {
      return `The document contains ${operations.length} operations: send "operationName" to say which one to run.`
    }
    return operations[0] as OperationDefinitionNode
  }
  const named = operations.filter((operation) => operation.name?.value === operationName)
  if (named.length === 0) return `The document has no operation named "${operationName}".`
  if (named.length > 1) return `The document has several operations named "${operationName}".`
  return named[0] as OperationDefinitionNode
}

/** Fragments the operation uses, directly or through other fragments, in first-use order. */
export function reachableFragments(operation: OperationDefinitionNode, fragments: FragmentMap): FragmentDefinitionNode[] {
  const found = new Map<string, FragmentDefinitionNode>()
  const pending: SelectionSetNode[] = [operation.selectionSet]
  for (let selectionSet = pending.pop(); selectionSet; selectionSet = pending.pop()) {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value)
        if (fragment && !found.has(fragment.name.value)) {
          found.set(fragment.name.value, fragment)
          pending.push(fragment.selectionSet)
        }
      } else if (selection.selectionSet) {
        pending.push(selection.selectionSet)
      }
    }
  }
  return [...found.values()]
}

/** Fields at the root of the operation, through fragments and inline fragments, aliases counted separately. */
export function rootFieldsOf(operation: OperationDefinitionNode, fragments: FragmentMap): FieldNode[] {
  const fields: FieldNode[] = []
  const entered = new Set<string>()
  const collect = (selectionSet: SelectionSetNode): void => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) fields.push(selection)
      else if (selection.kind === Kind.INLINE_FRAGMENT) collect(selection.selectionSet)
      else {
        const fragment = fragments.get(selection.name.value)
        if (fragment && !entered.has(fragment.name.value)) {
          entered.add(fragment.name.value)
          collect(fragment.selectionSet)
          entered.delete(fragment.name.value)
        }
      }
    }
  }
  collect(operation.selectionSet)
  return fields
}

/** Nesting depth of fields (a root field is depth 1); fragments add no depth of their own. */
export function selectionDepth(selectionSet: SelectionSetNode, fragments: FragmentMap): number {
  const memo = new Map<string, number>()
  const entered = new Set<string>()
  const depthOf = (set: SelectionSetNode): number => {
    let deepest = 0
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        deepest = Math.max(deepest, 1 + (selection.selectionSet ? depthOf(selection.selectionSet) : 0))
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        deepest = Math.max(deepest, depthOf(selection.selectionSet))
      } else {
        const name = selection.name.value
        const fragment = fragments.get(name)
        // A cycle is a validation error reported later; here it just adds nothing.
        if (!fragment || entered.has(name)) continue
        let depth = memo.get(name)
        if (depth === undefined) {
          entered.add(name)
          depth = depthOf(fragment.selectionSet)
          entered.delete(name)
          memo.set(name, depth)
        }
        deepest = Math.max(deepest, depth)
      }
    }
    return deepest
  }
  return depthOf(selectionSet)
}

/** Whether `__schema` or `__type` appears anywhere in the given definitions. */
export function usesIntrospection(definitions: ReadonlyArray<{ selectionSet: SelectionSetNode }>): boolean {
  const pending = definitions.map((definition) => definition.selectionSet)
  for (let selectionSet = pending.pop(); selectionSet; selectionSet = pending.pop()) {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD && (selection.name.value === '__schema' || selection.name.value === '__type')) {
        return true
      }
      if (selection.kind !== Kind.FRAGMENT_SPREAD && selection.selectionSet) pending.push(selection.selectionSet)
    }
  }
  return false
}
