import {
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  Kind,
  getArgumentValues,
  getDirectiveValues,
  getOperationAST,
  parse,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql'
import type { LruCache } from '../../../graphql/LruCache'
import type { VettedOperation } from '../StiggDialect'
import { hostedField, hostedFragments, type SeedRootField } from './hostedOperations'

/** One seed root field (by response key) and the hosted field that answers it. */
export interface HostedCall {
  seedAlias: string
  hostedAlias: string
  seedField: SeedRootField
  /** The seed field's coerced arguments. */
  args: Record<string, unknown>
}

/** The hosted request for one vetted seed operation, plus what mapping the answer back needs. */
export interface HostedRequest {
  body: string
  calls: HostedCall[]
  document: DocumentNode
  operation: OperationDefinitionNode
  /** The seed answer from the mapped root values, compiled per document (`compileHostedPlan`); undefined: execute. */
  project?: (results: Map<string, unknown>) => Record<string, unknown> | undefined
}

/**
 * Rewrites a vetted seed operation into hosted Stigg's schema: every seed root field becomes
 * one aliased hosted field (`h0…`) with its input in its own variable (`$v0…`), so a batch
 * of N entitlement checks is ONE upstream request whose text depends only on N.
 * Throws a `ProxyRefusal` for input hosted Stigg cannot express.
 */
export function translateToHosted(
  vetted: VettedOperation,
  schema: GraphQLSchema,
  documents: LruCache<string, DocumentNode>,
): HostedRequest {
  let document = documents.get(vetted.query)
  if (document === undefined) {
    document = parse(vetted.query, { noLocation: false })
    documents.set(vetted.query, document)
  }
  const operation = getOperationAST(document, vetted.operationName)
  if (!operation) throw new Error(`translateToHosted: the vetted document has no operation ${String(vetted.operationName)}`)
  const rootType = schema.getRootType(operation.operation)
  const fragments = new Map<string, FragmentDefinitionNode>()
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition)
  }
  const fields = new Map<string, FieldNode>()
  collectRootFields(operation.selectionSet, fragments, vetted.variables, fields, new Set())

  const calls: HostedCall[] = []
  const variableDefinitions: string[] = []
  const selections: string[] = []
  const variables: Record<string, unknown> = {}
  for (const [seedAlias, node] of fields) {
    const name = node.name.value
    if (name.startsWith('__')) continue // answered locally from the seed schema
    const definition = rootType?.getFields()[name]
    if (!definition) throw new Error(`translateToHosted: no seed root field "${name}"`)
    const args = getArgumentValues(definition, node, vetted.variables)
    const i = calls.length
    const hosted = hostedField(name, args)
    calls.push({ seedAlias, hostedAlias: `h${i}`, seedField: name as SeedRootField, args })
    variableDefinitions.push(`$v${i}: ${hosted.inputType}`)
    selections.push(`  h${i}: ${hosted.field}(${hosted.argument}: $v${i}) ${hosted.selection}`)
    variables[`v${i}`] = hosted.input
  }

  const head = vetted.operationName === null ? operation.operation : `${operation.operation} ${vetted.operationName}`
  // Only local fields (__typename, introspection): the smallest valid request still checks the key.
  const query =
    calls.length === 0
      ? `${head} { __typename }`
      : `${head}(${variableDefinitions.join(', ')}) {\n${selections.join('\n')}\n}\n${hostedFragments(calls.map((call) => call.seedField))}`
  const body = JSON.stringify(vetted.operationName === null ? { query, variables } : { query, operationName: vetted.operationName, variables })
  return { body, calls, document, operation }
}

/** Root fields by response key, through fragments and `@skip`/`@include`, as execution would see them. */
function collectRootFields(
  selectionSet: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
  fields: Map<string, FieldNode>,
  visited: Set<string>,
): void {
  for (const selection of selectionSet.selections) {
    if (getDirectiveValues(GraphQLSkipDirective, selection, variables)?.['if'] === true) continue
    if (getDirectiveValues(GraphQLIncludeDirective, selection, variables)?.['if'] === false) continue
    if (selection.kind === Kind.FIELD) {
      const key = selection.alias?.value ?? selection.name.value
      // Validation guarantees fields sharing a response key are the same call.
      if (!fields.has(key)) fields.set(key, selection)
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      collectRootFields(selection.selectionSet, fragments, variables, fields, visited)
    } else if (!visited.has(selection.name.value)) {
      visited.add(selection.name.value)
      const fragment = fragments.get(selection.name.value)
      if (fragment) collectRootFields(fragment.selectionSet, fragments, variables, fields, visited)
    }
  }
}
