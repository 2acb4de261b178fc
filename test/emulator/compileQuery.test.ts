// The emulator's compiled-query fast path must answer byte for byte what graphql-js answers,
// and must step aside (undefined) wherever graphql-js would add errors.
import { buildSchema, execute, parse, validate, type GraphQLSchema } from 'graphql'
import { describe, expect, it } from 'vitest'
import { entitlementsDocument, subscriptionsDocument } from '../../src/core/documents'
import { compileQuery, runCompiledQuery } from '../../src/emulator/schema/compileQuery'
import { defaultCatalog } from '../../src/emulator/defaultCatalog'
import { createRootValue, emulatorSchema } from '../../src/emulator/schema/seed/emulatorSchema'
import { EmulatorStore } from '../../src/emulator/store/EmulatorStore'

const fixedNow = new Date('2026-03-15T12:00:00.000Z')
const store = new EmulatorStore(defaultCatalog, () => fixedNow, true)
const rootValue = createRootValue(store)
const { schema } = emulatorSchema()

function bothWays(query: string, variables?: Record<string, unknown>, operationName?: string, on: GraphQLSchema = schema, root: Record<string, unknown> = rootValue) {
  const document = parse(query)
  expect(validate(on, document)).toEqual([])
  const compiled = compileQuery(on, document, operationName)
  const fast = compiled && runCompiledQuery(on, compiled, root, variables)
  const result = execute({ schema: on, document, rootValue: root, variableValues: variables, operationName }) as { data?: unknown; errors?: unknown }
  return { compiled, fast, slow: JSON.stringify(result.errors ? { errors: result.errors, data: result.data } : { data: result.data }) }
}

describe('compileQuery / runCompiledQuery', () => {
  it('answers the client batch documents exactly as graphql-js does', () => {
    const features = ['feature-api-calls', 'feature-seats', 'feature-sso', 'feature-analytics']
    for (const customerId of ['customer-free', 'customer-pro', 'customer-trial', 'customer-canceled', 'customer-paused']) {
      const variables: Record<string, unknown> = { customerId }
      features.forEach((featureId, i) => (variables[`f${i}`] = featureId))
      const { compiled, fast, slow } = bothWays(entitlementsDocument(features.length), variables)
      expect(compiled).toBeDefined()
      expect(fast).toBe(slow)
    }
  })

  it('answers subscriptions (lists, nested objects, enums) exactly as graphql-js does', () => {
    const { fast, slow } = bothWays(subscriptionsDocument, { customerId: 'customer-trial' })
    expect(fast).toBeDefined()
    expect(fast).toBe(slow)
  })

  it('merges aliases, repeated fields, inline fragments and __typename in graphql-js order', () => {
    const query = `query Q($c: String!) {
      b: customerEntitlement(customerId: $c, featureId: "feature-seats") { isGranted feature { id } ... on Entitlement { feature { units __typename } usageLimit } __typename }
      a: customerEntitlement(customerId: "customer-pro", featureId: "feature-api-calls") { ...F currentUsage ...F }
    }
    fragment F on Entitlement { currentUsage isGranted resetPeriod }`
    const { fast, slow } = bothWays(query, { c: 'customer-enterprise' })
    expect(fast).toBeDefined()
    expect(fast).toBe(slow)
  })

  it('picks the named operation and leaves unknown names to graphql-js', () => {
    const query = `query A { customerEntitlement(customerId: "customer-pro", featureId: "feature-sso") { isGranted } }
      query B { customerSubscriptions(customerId: "customer-pro") { plan { id } } }`
    const named = bothWays(query, undefined, 'B')
    expect(named.fast).toBe(named.slow)
    expect(JSON.parse(named.fast!)).toEqual({ data: { customerSubscriptions: [{ plan: { id: 'plan-pro' } }] } })
    expect(bothWays(query).compiled).toBeUndefined()
    expect(bothWays(query, undefined, 'C').compiled).toBeUndefined()
  })

  it('steps aside where graphql-js reports errors: unknown customer or feature, bad variables', () => {
    const unknownCustomer = bothWays(entitlementsDocument(1), { customerId: 'nobody', f0: 'feature-sso' })
    expect(unknownCustomer.compiled).toBeDefined()
    expect(unknownCustomer.fast).toBeUndefined()
    expect(unknownCustomer.slow).toContain('not found')
    expect(bothWays(entitlementsDocument(1), { customerId: 'customer-pro', f0: 'feature-nope' }).fast).toBeUndefined()
    expect(bothWays(entitlementsDocument(1), { customerId: 42, f0: 'feature-sso' }).fast).toBeUndefined()
    expect(bothWays(entitlementsDocument(1), { f0: 'feature-sso' }).fast).toBeUndefined()
  })

  it('does not compile mutations, directives or abstract types', () => {
    const mutation = 'mutation { reportUsage(input: { customerId: "customer-pro", featureId: "feature-api-calls", value: 1 }) { id } }'
    expect(compileQuery(schema, parse(mutation), undefined)).toBeUndefined()
    const skip = 'query($s: Boolean!) { customerEntitlement(customerId: "customer-pro", featureId: "feature-sso") { isGranted @skip(if: $s) } }'
    expect(compileQuery(schema, parse(skip), undefined)).toBeUndefined()
    const abstract = buildSchema('interface Node { id: String! } type Thing implements Node { id: String! } type Query { node: Node }')
    expect(compileQuery(abstract, parse('{ node { id } }'), undefined)).toBeUndefined()
  })

  it('steps aside for a null in a non-null field and for async or method resolvers', () => {
    const custom = buildSchema('type Item { id: String! name: String } type Query { item: Item items: [Item!]! }')
    const document = parse('{ item { id name } }')
    const compiled = compileQuery(custom, document, undefined)!
    expect(runCompiledQuery(custom, compiled, { item: () => ({ id: 'x', name: null }) }, undefined)).toBe('{"data":{"item":{"id":"x","name":null}}}')
    expect(runCompiledQuery(custom, compiled, { item: () => ({ id: null }) }, undefined)).toBeUndefined()
    expect(runCompiledQuery(custom, compiled, { item: async () => ({ id: 'x' }) }, undefined)).toBeUndefined()
    expect(runCompiledQuery(custom, compiled, { item: () => ({ id: () => 'x' }) }, undefined)).toBeUndefined()
    const list = bothWays('{ items { id } }', undefined, undefined, custom, { items: () => [{ id: 'a' }, { id: 'b' }] })
    expect(list.fast).toBe('{"data":{"items":[{"id":"a"},{"id":"b"}]}}')
    expect(bothWays('{ items { id } }', undefined, undefined, custom, { items: () => [{ id: 'a' }, null] }).fast).toBeUndefined()
  })

  it('coerces plain String and Boolean variables as graphql-js does: values, null, absent, wrong types', () => {
    const custom = buildSchema('type Query { echo(s: String, b: Boolean, n: Int): String }')
    const root = { echo: (args: Record<string, unknown>) => JSON.stringify(args) }
    const query = 'query($s: String, $b: Boolean!, $n: Int) { echo(s: $s, b: $b, n: $n) plain: echo(s: $s, b: $b) }'
    const plainOnly = 'query($s: String, $b: Boolean!) { echo(s: $s, b: $b) }'
    for (const variables of [{ s: 'x', b: true }, { s: null, b: false }, { b: true }, { b: true, n: 3 }, { b: true, extra: 1 }]) {
      for (const text of [query, plainOnly]) {
        const { fast, slow } = bothWays(text, variables, undefined, custom, root)
        expect(fast).toBe(slow)
      }
    }
    for (const variables of [{ s: 5, b: true }, { s: 'x', b: 'true' }, { s: 'x' }, { s: 'x', b: null }]) {
      expect(bothWays(plainOnly, variables, undefined, custom, root).fast).toBeUndefined()
    }
  })
})
