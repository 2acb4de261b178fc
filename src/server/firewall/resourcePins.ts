import {
  TypeInfo,
  getNamedType,
  getNullableType,
  isInputObjectType,
  isListType,
  valueFromAST,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLNamedType,
  type ValueNode,
} from 'graphql'
import { ProxyRefusal } from '../ProxyRefusal'
import type { StiggDialect } from '../dialects/StiggDialect'

/** The argument / input-object field that names a customer's resource (workspace, project), in both dialects' browser schema. */
export const RESOURCE_ID = 'resourceId'

/** An argument that is, or can contain, a resource id. */
export interface ResourceSite {
  type: GraphQLInputType
  valueNode: ValueNode
}

/**
 * Every argument given in the document that is, or contains, a `resourceId`. An argument left
 * out names no resource (the customer's own, unscoped data), which is always the customer's.
 */
export function findResourceSites(document: DocumentNode, dialect: StiggDialect): ResourceSite[] {
  const sites: ResourceSite[] = []
  const typeInfo = new TypeInfo(dialect.schema)
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Argument(node) {
        const argument = typeInfo.getArgument()
        if (argument && (argument.name === RESOURCE_ID || containsResourceId(getNamedType(argument.type), new Set()))) {
          sites.push({ type: argument.type, valueNode: node.value })
        }
      },
    }),
  )
  return sites
}

/**
 * Pins resource ids as customer ids are pinned: a resource the request names must be the one
 * `identify` returned (none returned: no resource may be named). Checked on coerced values.
 */
export function vetResourceIds(sites: readonly ResourceSite[], variables: Record<string, unknown>, resourceId: string | null): void {
  for (const site of sites) {
    const value = valueFromAST(site.valueNode, site.type, variables)
    const named = isInputObjectType(getNamedType(site.type)) ? allowedIn(value, site.type, resourceId) : value == null || value === resourceId
    if (!named) {
      throw new ProxyRefusal(
        403,
        'FORBIDDEN',
        resourceId === null
          ? 'The operation names a resource, but identify() returned none for this request; the Stigg proxy only serves resources that identify() returns.'
          : 'The operation names a resource other than the one identify() returned (argument "resourceId"); the Stigg proxy only serves that resource.',
      )
    }
  }
}

function allowedIn(value: unknown, type: GraphQLInputType, resourceId: string | null): boolean {
  const nullable = getNullableType(type)
  if (value === null || value === undefined) return true
  if (isListType(nullable)) return (Array.isArray(value) ? value : [value]).every((item) => allowedIn(item, nullable.ofType, resourceId))
  if (!isInputObjectType(nullable) || typeof value !== 'object') return true
  const record = value as Record<string, unknown>
  return Object.values(nullable.getFields()).every((field) =>
    field.name === RESOURCE_ID ? record[RESOURCE_ID] == null || record[RESOURCE_ID] === resourceId : allowedIn(record[field.name], field.type, resourceId),
  )
}

function containsResourceId(type: GraphQLNamedType, seen: Set<GraphQLNamedType>): boolean {
  if (!isInputObjectType(type) || seen.has(type)) return false
  seen.add(type) // input types may reference themselves
  return Object.values(type.getFields()).some((field) => field.name === RESOURCE_ID || containsResourceId(getNamedType(field.type), seen))
}
