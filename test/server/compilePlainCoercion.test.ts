// The firewall's plain-variable fast path must produce exactly what graphql-js's coercion produces.
import { buildSchema, getVariableValues, parse, type OperationDefinitionNode } from 'graphql'
import { describe, expect, it } from 'vitest'
import { compilePlainCoercion } from '../../src/graphql/compilePlainCoercion'

const schema = buildSchema('type Query { f(a: String, b: Boolean, n: Int): String }')
const definitionsOf = (query: string) => (parse(query).definitions[0] as OperationDefinitionNode).variableDefinitions ?? []

describe('compilePlainCoercion', () => {
  const definitions = definitionsOf('query Q($s: String!, $o: String, $b: Boolean!, $ob: Boolean) { f(a: $s) }')
  const coerce = compilePlainCoercion(schema, definitions)!

  it.each([
    [{ s: 'x', o: 'y', b: true, ob: false }],
    [{ s: 'x', b: false }],
    [{ s: 'x', o: null, b: true, ob: null, extra: 'dropped' }],
    [{ s: '', o: undefined, b: true }],
  ])('answers what getVariableValues answers for %j', (raw) => {
    const expected = getVariableValues(schema, definitions, raw)
    expect(expected.errors).toBeUndefined()
    expect(coerce(raw)).toStrictEqual(expected.coerced)
  })

  it.each([[{ s: 1, b: true }], [{ b: true }], [{ s: 'x', b: 'true' }], [{ s: null, b: true }], [{ s: 'x', b: true, o: 5 }]])(
    'leaves %j to graphql-js, which reports the error',
    (raw) => {
      expect(coerce(raw)).toBeUndefined()
      expect(getVariableValues(schema, definitions, raw).errors?.length).toBeGreaterThan(0)
    },
  )

  it('compiles nothing for other types, defaults or lists', () => {
    expect(compilePlainCoercion(schema, definitionsOf('query Q($n: Int) { f(n: $n) }'))).toBeUndefined()
    expect(compilePlainCoercion(schema, definitionsOf('query Q($s: String = "d") { f(a: $s) }'))).toBeUndefined()
    expect(compilePlainCoercion(schema, definitionsOf('query Q($s: [String]) { f }'))).toBeUndefined()
  })
})
