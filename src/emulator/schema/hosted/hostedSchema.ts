import { buildSchema, isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql'
import { EmulatorError } from '../../EmulatorError'
import { DocumentCache } from '../DocumentCache'
import { hostedSdl } from './hostedSdl'

let shared: { schema: GraphQLSchema; documents: DocumentCache } | undefined

/**
 * Reads the field from its parent view, as graphql-js's default resolver does (a function is
 * called with the arguments); a field the view does not define is a GraphQL error naming it.
 * Views set every field they model, `null` and `[]` included (no coupon, no addons), so an
 * absent property means "not modelled", never "none".
 */
const viewField: GraphQLFieldResolver<unknown, unknown> = (source, args, context, info) => {
  const value = source !== null && typeof source === 'object' ? (source as Record<string, unknown>)[info.fieldName] : undefined
  if (value === undefined) {
    throw new EmulatorError(
      'NOT_EMULATED',
      `${info.parentType.name}.${info.fieldName} is not emulated: the react-stigg emulator serves hosted Stigg's schema but does not model this field; remove it from the document or use hosted Stigg`,
    )
  }
  return typeof value === 'function' ? (value as (...a: unknown[]) => unknown)(args, context, info) : value
}

/**
 * Hosted Stigg's schema (`hostedSdl`, derived from Stigg's published clients) and its document
 * cache, built on first use so seed-only users never pay for it.
 */
export function hostedSchema(): { schema: GraphQLSchema; documents: DocumentCache } {
  if (!shared) {
    const schema = buildSchema(hostedSdl)
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue
      for (const field of Object.values(type.getFields())) field.resolve = viewField
    }
    shared = { schema, documents: new DocumentCache(schema) }
  }
  return shared
}
