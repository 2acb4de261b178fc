import {
  buildSchema,
  getNamedType,
  getNullableType,
  getVariableValues,
  isInputObjectType,
  isListType,
  Kind,
  OverlappingFieldsCanBeMergedRule,
  parse,
  specifiedRules,
  TypeInfo,
  validate,
  valueFromAST,
  visit,
  visitWithTypeInfo,
  type DefinitionNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLInputType,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql'
import { seedTypeDefs } from '../../src/schema/seedTypeDefs'

/**
 * The firewall rules, written a second time and independently of src/server, so a fuzzer or an
 * attack test can judge every request that the proxy let through. It sees only what arrived
 * upstream (headers + body) and answers with the list of rules that request breaks.
 */
export interface FirewallRules {
  apiKey: string
  customerId: string
  reportUsage: false | { maxValue: number; minValue?: number }
  provisionCustomer: boolean
  introspection: boolean
  maxDepth: number
  maxRootFields: number
  /** Fields after fragment expansion, aliases counted (the proxy's `limits.maxFields`). */
  maxFields?: number
}

const schema = buildSchema(seedTypeDefs)
// Field merging decides response shape, not who the data belongs to; it is also the costly rule.
const checkerRules = specifiedRules.filter((rule) => rule !== OverlappingFieldsCanBeMergedRule)
const queryFields = new Set(['customerEntitlement', 'customerSubscriptions', '__typename'])

export interface ForwardedRequest {
  method: string
  headers: Headers
  body: string
}

/** Every rule the forwarded request breaks; empty when it is one the firewall may pass. */
export function checkForwarded(request: ForwardedRequest, rules: FirewallRules): string[] {
  const violations: string[] = []
  if (request.method !== 'POST') violations.push(`forwarded with method ${request.method}`)
  if (request.headers.get('x-api-key') !== rules.apiKey) violations.push('forwarded without the server key')
  for (const name of ['cookie', 'authorization', 'x-test-customer']) {
    if (request.headers.has(name)) violations.push(`forwarded the browser's ${name} header`)
  }
  let body: unknown
  try {
    body = JSON.parse(request.body)
  } catch {
    return [...violations, 'forwarded a body that is not JSON']
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return [...violations, 'forwarded a body that is not one JSON object']
  }
  const { query, variables, operationName } = body as Record<string, unknown>
  if (typeof query !== 'string') return [...violations, 'forwarded without a query string']
  if (variables !== undefined && variables !== null && (typeof variables !== 'object' || Array.isArray(variables))) {
    violations.push('forwarded variables that are not an object')
  }
  let document: DocumentNode
  try {
    document = parse(query)
  } catch (error) {
    return [...violations, `forwarded a document that does not parse: ${(error as Error).message}`]
  }
  const validationErrors = validate(schema, document, checkerRules)
  if (validationErrors.length > 0) {
    return [...violations, `forwarded an invalid document: ${validationErrors[0]?.message}`]
  }
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
  const operation =
    operations.length === 1 ? operations[0] : operations.find((op) => op.name?.value === operationName)
  if (operation === undefined) return [...violations, 'forwarded a document whose operation cannot be selected']
  return [...violations, ...checkOperation(document, operation, (variables ?? {}) as Record<string, unknown>, rules)]
}

function checkOperation(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  rawVariables: Record<string, unknown>,
  rules: FirewallRules,
): string[] {
  const violations: string[] = []
  const fragments = new Map<string, FragmentDefinitionNode>()
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d)

  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables)
  if (coerced.errors !== undefined) return [`forwarded variables that do not coerce: ${coerced.errors[0]?.message}`]
  const variables = coerced.coerced

  const rootFields = collectFieldNames(operation.selectionSet, fragments, new Set())
  if (rootFields.length > rules.maxRootFields) violations.push(`forwarded ${rootFields.length} root fields`)
  if (operation.operation === 'subscription') violations.push('forwarded a subscription operation')
  for (const name of rootFields) {
    if (name === '__schema' || name === '__type') continue // judged with introspection below
    const allowed =
      operation.operation === 'query'
        ? queryFields.has(name)
        : operation.operation === 'mutation' &&
          ((name === 'reportUsage' && rules.reportUsage !== false) ||
            (name === 'provisionCustomer' && rules.provisionCustomer) ||
            name === '__typename')
    if (!allowed) violations.push(`forwarded the root field ${operation.operation} ${name}`)
  }
  const depth = selectionDepth(operation.selectionSet, fragments, new Set())
  if (depth > rules.maxDepth) violations.push(`forwarded a document of depth ${depth}`)
  const maxFields = rules.maxFields ?? 3_000
  const fields = expandedFields(operation.selectionSet, fragments, new Set(), { left: maxFields + 1 })
  if (fields > maxFields) violations.push(`forwarded a document asking for more than ${maxFields} fields`)

  // Only the executed operation and the fragments it reaches are judged: that is what upstream runs.
  const reachable: DefinitionNode[] = [operation, ...reachableFragments(operation.selectionSet, fragments)]
  const typeInfo = new TypeInfo(schema)
  visit(
    { kind: Kind.DOCUMENT, definitions: reachable },
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        if (!rules.introspection && (node.name.value === '__schema' || node.name.value === '__type')) {
          violations.push(`forwarded introspection (${node.name.value})`)
        }
      },
      Argument(node) {
        const definition = typeInfo.getArgument()
        if (definition === null || definition === undefined) return
        const value: unknown = valueFromAST(node.value, definition.type, variables)
        if (value === undefined) {
          violations.push(`forwarded argument ${node.name.value} whose value does not coerce`)
          return
        }
        if (node.name.value === 'customerId') checkCustomer(value, rules, violations)
        walkInput(value, definition.type, rules, violations)
        const field = typeInfo.getFieldDef()
        if (field?.name === 'reportUsage' && node.name.value === 'input') checkUsageValue(value, rules, violations)
      },
    }),
  )
  return violations
}

function checkCustomer(value: unknown, rules: FirewallRules, violations: string[]): void {
  if (value !== rules.customerId) violations.push(`forwarded customerId ${JSON.stringify(value)} for ${rules.customerId}`)
}

function checkUsageValue(input: unknown, rules: FirewallRules, violations: string[]): void {
  const value = (input as { value?: unknown } | null)?.value
  const max = rules.reportUsage === false ? 0 : rules.reportUsage.maxValue
  const min = rules.reportUsage === false ? Number.POSITIVE_INFINITY : (rules.reportUsage.minValue ?? 1e-6)
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    violations.push(`forwarded reportUsage value ${String(value)} (max ${max})`)
  }
}

/** Every `customerId` field of an input object, at any depth and inside lists. */
function walkInput(value: unknown, type: GraphQLInputType, rules: FirewallRules, violations: string[]): void {
  if (value === null || value === undefined) return
  const nullable = getNullableType(type)
  if (isListType(nullable)) {
    for (const item of Array.isArray(value) ? value : [value]) walkInput(item, nullable.ofType, rules, violations)
    return
  }
  const named = getNamedType(nullable)
  if (!isInputObjectType(named)) return
  const record = value as Record<string, unknown>
  for (const field of Object.values(named.getFields())) {
    if (!(field.name in record)) continue
    if (field.name === 'customerId') checkCustomer(record[field.name], rules, violations)
    walkInput(record[field.name], field.type, rules, violations)
  }
}

function collectFieldNames(
  selectionSet: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
  seen: Set<string>,
): string[] {
  const names: string[] = []
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) names.push(selection.name.value)
    else if (selection.kind === Kind.INLINE_FRAGMENT) names.push(...collectFieldNames(selection.selectionSet, fragments, seen))
    else {
      const fragment = fragments.get(selection.name.value)
      if (fragment === undefined || seen.has(fragment.name.value)) continue
      names.push(...collectFieldNames(fragment.selectionSet, fragments, new Set([...seen, fragment.name.value])))
    }
  }
  return names
}

/** Fields as the executor would resolve them, expanded naively; stops counting past `budget.left`. */
function expandedFields(selectionSet: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>, seen: Set<string>, budget: { left: number }): number {
  let count = 0
  for (const selection of selectionSet.selections) {
    if (budget.left <= 0) break
    if (selection.kind === Kind.FIELD) {
      count += 1
      budget.left -= 1
      if (selection.selectionSet) count += expandedFields(selection.selectionSet, fragments, seen, budget)
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      count += expandedFields(selection.selectionSet, fragments, seen, budget)
    } else {
      const fragment = fragments.get(selection.name.value)
      if (fragment === undefined || seen.has(fragment.name.value)) continue
      count += expandedFields(fragment.selectionSet, fragments, new Set([...seen, fragment.name.value]), budget)
    }
  }
  return count
}

function selectionDepth(
  selectionSet: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
  seen: Set<string>,
): number {
  let depth = 0
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      depth = Math.max(depth, 1 + (selection.selectionSet ? selectionDepth(selection.selectionSet, fragments, seen) : 0))
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      depth = Math.max(depth, selectionDepth(selection.selectionSet, fragments, seen))
    } else {
      const fragment = fragments.get(selection.name.value)
      if (fragment === undefined || seen.has(fragment.name.value)) continue
      depth = Math.max(depth, selectionDepth(fragment.selectionSet, fragments, new Set([...seen, fragment.name.value])))
    }
  }
  return depth
}

function reachableFragments(
  selectionSet: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
): FragmentDefinitionNode[] {
  const found = new Map<string, FragmentDefinitionNode>()
  const pending: SelectionSetNode[] = [selectionSet]
  while (pending.length > 0) {
    const current = pending.pop() as SelectionSetNode
    visit(current, {
      FragmentSpread(node) {
        const fragment = fragments.get(node.name.value)
        if (fragment !== undefined && !found.has(fragment.name.value)) {
          found.set(fragment.name.value, fragment)
          pending.push(fragment.selectionSet)
        }
      },
    })
  }
  return [...found.values()]
}
