import {
  Kind,
  print,
  specifiedRules,
  validate,
  type DocumentNode,
  type FieldNode,
  type OperationDefinitionNode,
  type VariableDefinitionNode,
} from 'graphql'
import { reachableFragments, rootFieldsOf, selectionDepth, usesIntrospection, type FragmentMap } from './analyzeOperation'
import { findSites, type PinSite, type UsageField } from './findSites'
import { findResourceSites, type ResourceSite } from './resourcePins'
import { countFields } from '../../graphql/countFields'
import { ProxyRefusal } from '../ProxyRefusal'
import type { ResolvedAllow } from '../resolveProxyOptions'
import type { StiggDialect } from '../dialects/StiggDialect'

/** Fields may nest this deep (a root field is 1). The client's deepest operation needs 4. */
export const MAX_DEPTH = 8
/** Exactly what `getIntrospectionQuery()` needs (depth 15); applies only when introspection is allowed. */
export const MAX_INTROSPECTION_DEPTH = 15
/** The client batches at most 100 entitlement checks into one request. */
export const MAX_ROOT_FIELDS = 100
/**
 * Fields after fragment expansion, aliases multiplied (`limits.maxFields`). The client's largest
 * document (100 entitlement checks) asks for 1,500; `getIntrospectionQuery()` for 220.
 */
export const DEFAULT_MAX_FIELDS = 3_000
/** Fragments spreading fragments: the client sends none; GraphQL tools rarely nest more than a few. */
export const MAX_SPREAD_DEPTH = 10

/** The cost limits `compileOperation` applies; see `limits` in the proxy options. */
export interface CostLimits {
  maxFields: number
}

/** Everything per-request checking needs, computed once per document text and operation name. */
export interface OperationPlan {
  query: string
  operationName: string | null
  variableDefinitions: readonly VariableDefinitionNode[]
  rootFields: string[]
  pinSites: PinSite[]
  /** Arguments naming a resource: pinned per request to identify()'s resourceId. */
  resourceSites: ResourceSite[]
  usageFields: UsageField[]
  /** Provisioning fields: their plan and trial are checked per request against allow.provisionCustomer. */
  provisionFields: UsageField[]
}

/**
 * Applies the policy to one operation, cheapest checks first, then validates it against
 * the dialect's schema. Throws a {@link ProxyRefusal}.
 */
export function compileOperation(
  operation: OperationDefinitionNode,
  fragments: FragmentMap,
  dialect: StiggDialect,
  allow: ResolvedAllow,
  limits: CostLimits = { maxFields: DEFAULT_MAX_FIELDS },
): OperationPlan {
  if (operation.operation === 'subscription') {
    throw new ProxyRefusal(403, 'FORBIDDEN', 'Subscription operations are not allowed through the Stigg proxy.')
  }
  const used = reachableFragments(operation, fragments)
  const introspection = usesIntrospection([operation, ...used])
  if (introspection && !allow.introspection) {
    throw new ProxyRefusal(
      403,
      'FORBIDDEN',
      'Introspection (__schema, __type) is disabled in the Stigg proxy; enable it with allow.introspection.',
    )
  }
  const rootFields = rootFieldsOf(operation, fragments)
  checkRootFields(operation, rootFields, dialect, allow)

  const depth = selectionDepth(operation.selectionSet, fragments)
  const maxDepth = introspection ? MAX_INTROSPECTION_DEPTH : MAX_DEPTH
  if (depth > maxDepth) {
    throw new ProxyRefusal(400, 'QUERY_TOO_COMPLEX', `The operation is ${depth} fields deep; the Stigg proxy allows ${maxDepth}.`)
  }
  // What will run, not what was written: aliases × fragments multiply (a 10 KB document can ask
  // for a million fields). Before validation, translation and forwarding.
  const cost = countFields(operation.selectionSet, fragments)
  if (cost.spreadDepth > MAX_SPREAD_DEPTH) {
    throw new ProxyRefusal(400, 'QUERY_TOO_COMPLEX', `The operation nests fragment spreads ${cost.spreadDepth} deep; the Stigg proxy allows ${MAX_SPREAD_DEPTH}.`)
  }
  if (cost.fields > limits.maxFields) {
    const fields = Number.isFinite(cost.fields) ? cost.fields.toLocaleString('en-US') : 'more than 10^308'
    throw new ProxyRefusal(
      400,
      'QUERY_TOO_COMPLEX',
      `The operation asks for ${fields} fields once fragments are expanded (aliases counted); the Stigg proxy allows ${limits.maxFields} (limits.maxFields).`,
    )
  }

  const document: DocumentNode = { kind: Kind.DOCUMENT, definitions: [operation, ...used] }
  const errors = validate(dialect.schema, document, specifiedRules, { maxErrors: 20 })
  if (errors.length > 0) {
    throw new ProxyRefusal(400, 'GRAPHQL_VALIDATION_FAILED', errors[0]?.message ?? 'Invalid operation.', {
      errors: errors.map((error) => ({
        message: error.message,
        ...(error.locations ? { locations: error.locations } : {}),
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      })),
    })
  }

  const { pinSites, usageFields, provisionFields } = findSites(document, dialect)
  return {
    query: print(document),
    operationName: operation.name?.value ?? null,
    variableDefinitions: operation.variableDefinitions ?? [],
    rootFields: [...new Set(rootFields.map((field) => field.name.value))],
    pinSites,
    resourceSites: findResourceSites(document, dialect),
    usageFields,
    provisionFields,
  }
}

function checkRootFields(
  operation: OperationDefinitionNode,
  rootFields: FieldNode[],
  dialect: StiggDialect,
  allow: ResolvedAllow,
): void {
  const allowed = new Set<string>(['__typename'])
  if (operation.operation === 'query') {
    for (const name of dialect.queryFields) allowed.add(name)
    if (allow.introspection) allowed.add('__schema').add('__type')
  } else {
    if (allow.reportUsage) allowed.add(dialect.reportUsageField)
    if (allow.provisionCustomer) allowed.add(dialect.provisionCustomerField)
  }
  for (const field of rootFields) {
    const name = field.name.value
    if (allowed.has(name)) continue
    const hint =
      name === dialect.reportUsageField
        ? ' Enable it with allow.reportUsage: { maxValue } in createStiggProxy.'
        : name === dialect.provisionCustomerField
          ? " Enable it with allow.provisionCustomer: true (or { plans: ['plan-id'] }) in createStiggProxy."
          : ` Allowed: ${[...allowed].join(', ')}.`
    throw new ProxyRefusal(403, 'FORBIDDEN', `The ${operation.operation} field "${name}" is not allowed through the Stigg proxy.${hint}`)
  }
  if (operation.operation === 'mutation' && rootFields.filter((field) => field.name.value !== '__typename').length > 1) {
    // One call per request keeps the per-call usage cap a real cap.
    throw new ProxyRefusal(403, 'FORBIDDEN', 'A mutation through the Stigg proxy may contain only one field; send one request per call.')
  }
  if (rootFields.length > MAX_ROOT_FIELDS) {
    throw new ProxyRefusal(
      400,
      'QUERY_TOO_COMPLEX',
      `The operation has ${rootFields.length} root fields; the Stigg proxy allows ${MAX_ROOT_FIELDS}.`,
    )
  }
}
