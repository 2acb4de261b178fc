import { startEmulator, type RunningEmulator } from 'react-stigg/emulator'
import { createStiggProxy, type StiggProxyEvent, type StiggProxyHandler } from 'react-stigg/server'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { entitlementsDocument, provisionCustomerDocument, reportUsageDocument, subscriptionsDocument } from '../../src/core/documents'

// Every attack comes from a browser signed in as customer-pro and targets customer-free,
// or the proxy's own limits. None may reach the emulator.
const me = 'customer-pro'
const victim = 'customer-free'
const apiKey = 'attack-suite-key'
const cookie = 'session=pro'

let upstream: RunningEmulator
let strict: StiggProxyHandler
let usage: StiggProxyHandler
const events: StiggProxyEvent[] = []

beforeAll(async () => {
  upstream = await startEmulator({ port: 0, host: '127.0.0.1', apiKey })
  const base = {
    apiKey,
    upstreamUrl: upstream.url,
    identify: (request: Request) => (request.headers.get('cookie') === cookie ? { customerId: me } : null),
    onEvent: (event: StiggProxyEvent) => events.push(event),
  }
  strict = createStiggProxy(base)
  usage = createStiggProxy({ ...base, allow: { reportUsage: { maxValue: 100 } } })
})
afterAll(() => upstream.close())
beforeEach(() => {
  upstream.emulator.admin.clearRequests()
  events.length = 0
})

const entitlement = (customer: string) =>
  `customerEntitlement(customerId: "${customer}", featureId: "feature-sso") { isGranted }`
const usageInput = (input: Record<string, unknown>) => ({
  query: reportUsageDocument,
  variables: { input: { customerId: me, featureId: 'feature-api-calls', value: 1, ...input } },
})
const manyFeatures = (count: number) =>
  Object.fromEntries([['customerId', me], ...Array.from({ length: count }, (_, i) => [`f${i}`, 'feature-sso'])])

interface Attack {
  name: string
  proxy?: 'strict' | 'usage'
  /** A JSON body (stringified) or raw text. */
  body?: unknown
  raw?: BodyInit
  method?: string
  headers?: Record<string, string>
  status: number
  code: string
}

const attacks: Attack[] = [
  // customer pinning
  { name: 'other customer via variable', body: { query: entitlementsDocument(1), variables: { customerId: victim, f0: 'feature-sso' } }, status: 403, code: 'FORBIDDEN' },
  { name: 'other customer via literal', body: { query: `query { ${entitlement(victim)} }` }, status: 403, code: 'FORBIDDEN' },
  { name: 'other customer via variable default', body: { query: `query Q($c: String! = "${victim}") { customerEntitlement(customerId: $c, featureId: "feature-sso") { isGranted } }` }, status: 403, code: 'FORBIDDEN' },
  { name: 'variable default is mine, value sent is theirs', body: { query: `query Q($c: String! = "${me}") { customerEntitlement(customerId: $c, featureId: "feature-sso") { isGranted } }`, variables: { c: victim } }, status: 403, code: 'FORBIDDEN' },
  { name: 'other customer in a named fragment', body: { query: `query { ...Steal } fragment Steal on Query { ${entitlement(victim)} }` }, status: 403, code: 'FORBIDDEN' },
  { name: 'other customer in nested named fragments', body: { query: `query { ...A } fragment A on Query { ...B } fragment B on Query { ... on Query { ${entitlement(victim)} } }` }, status: 403, code: 'FORBIDDEN' },
  { name: 'other customer in an inline fragment', body: { query: `query { ... on Query { ${entitlement(victim)} } }` }, status: 403, code: 'FORBIDDEN' },
  { name: 'other customer under an alias next to mine', body: { query: `query { mine: ${entitlement(me)} theirs: ${entitlement(victim)} }` }, status: 403, code: 'FORBIDDEN' },
  { name: 'other customer behind @skip(if: true)', body: { query: `query { mine: ${entitlement(me)} theirs: customerEntitlement(customerId: "${victim}", featureId: "feature-sso") @skip(if: true) { isGranted } }` }, status: 403, code: 'FORBIDDEN' },
  { name: "other customer's subscriptions", body: { query: subscriptionsDocument, variables: { customerId: victim } }, status: 403, code: 'FORBIDDEN' },
  { name: 'other customer in an input-object variable', proxy: 'usage', body: usageInput({ customerId: victim }), status: 403, code: 'FORBIDDEN' },
  { name: 'other customer in an input-object literal', proxy: 'usage', body: { query: `mutation { reportUsage(input: { customerId: "${victim}", featureId: "feature-api-calls", value: 1 }) { id } }` }, status: 403, code: 'FORBIDDEN' },
  { name: 'other customer via a variable inside an input-object literal', proxy: 'usage', body: { query: 'mutation M($c: String!) { reportUsage(input: { customerId: $c, featureId: "feature-api-calls", value: 1 }) { id } }', variables: { c: victim } }, status: 403, code: 'FORBIDDEN' },
  { name: 'selected operation attacks, the other one is harmless', body: { query: `query Good { ${entitlement(me)} } query Evil { ${entitlement(victim)} }`, operationName: 'Evil' }, status: 403, code: 'FORBIDDEN' },
  // root fields and operation types
  { name: 'reportUsage when not enabled', body: usageInput({}), status: 403, code: 'FORBIDDEN' },
  { name: 'provisionCustomer when not enabled', proxy: 'usage', body: { query: provisionCustomerDocument, variables: { input: { customerId: me } } }, status: 403, code: 'FORBIDDEN' },
  { name: 'unknown root field', body: { query: 'query { customers { id } }' }, status: 403, code: 'FORBIDDEN' },
  { name: 'mutation field inside a query operation', proxy: 'usage', body: { query: `query { reportUsage(input: { customerId: "${me}", featureId: "feature-api-calls", value: 1 }) { id } }` }, status: 403, code: 'FORBIDDEN' },
  { name: 'two reportUsage calls in one mutation', proxy: 'usage', body: { query: `mutation { a: reportUsage(input: { customerId: "${me}", featureId: "feature-api-calls", value: 100 }) { id } b: reportUsage(input: { customerId: "${me}", featureId: "feature-api-calls", value: 100 }) { id } }` }, status: 403, code: 'FORBIDDEN' },
  { name: 'introspection __schema', body: { query: 'query { __schema { types { name } } }' }, status: 403, code: 'FORBIDDEN' },
  { name: 'introspection __type hidden in a fragment', body: { query: `query { ${entitlement(me)} ...T } fragment T on Query { __type(name: "Mutation") { fields { name } } }` }, status: 403, code: 'FORBIDDEN' },
  { name: 'subscription operation', body: { query: `subscription { ${entitlement(me)} }` }, status: 403, code: 'FORBIDDEN' },
  // usage values (checked after coercion)
  { name: 'usage value 0', proxy: 'usage', body: usageInput({ value: 0 }), status: 403, code: 'FORBIDDEN' },
  { name: 'usage value negative', proxy: 'usage', body: usageInput({ value: -50 }), status: 403, code: 'FORBIDDEN' },
  { name: 'usage value above maxValue', proxy: 'usage', body: usageInput({ value: 101 }), status: 403, code: 'FORBIDDEN' },
  { name: 'usage value 1e309 literal (Infinity after coercion)', proxy: 'usage', body: { query: `mutation { reportUsage(input: { customerId: "${me}", featureId: "feature-api-calls", value: 1e309 }) { id } }` }, status: 403, code: 'FORBIDDEN' },
  { name: 'usage value 1e309 in variables JSON', proxy: 'usage', raw: `{"query":${JSON.stringify(reportUsageDocument)},"variables":{"input":{"customerId":"${me}","featureId":"feature-api-calls","value":1e309}}}`, status: 400, code: 'BAD_USER_INPUT' },
  { name: 'usage value "NaN" in variables', proxy: 'usage', body: usageInput({ value: 'NaN' }), status: 400, code: 'BAD_USER_INPUT' },
  // request envelope
  { name: 'no identity', headers: { cookie: 'session=stolen' }, body: { query: subscriptionsDocument, variables: { customerId: me } }, status: 401, code: 'UNAUTHENTICATED' },
  { name: 'GET', method: 'GET', status: 405, code: 'METHOD_NOT_ALLOWED' },
  { name: 'text/plain (a CSRF-able simple request)', headers: { 'content-type': 'text/plain' }, raw: JSON.stringify({ query: `query { ${entitlement(me)} }` }), status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  { name: 'form-encoded', headers: { 'content-type': 'application/x-www-form-urlencoded' }, raw: 'query=x', status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  { name: 'batched array', body: [{ query: `query { ${entitlement(me)} }` }, { query: `query { ${entitlement(victim)} }` }], status: 400, code: 'BAD_REQUEST' },
  { name: 'body over 64 KB', body: { query: `query { ${entitlement(me)} }`, variables: { pad: 'x'.repeat(70_000) } }, status: 413, code: 'PAYLOAD_TOO_LARGE' },
  { name: 'body over 64 KB with a lying Content-Length', headers: { 'content-length': '100' }, body: { query: `query { ${entitlement(me)} }`, variables: { pad: 'x'.repeat(70_000) } }, status: 413, code: 'PAYLOAD_TOO_LARGE' },
  { name: 'not JSON', raw: '{ "query": ', status: 400, code: 'BAD_REQUEST' },
  { name: 'no query', body: { variables: {} }, status: 400, code: 'BAD_REQUEST' },
  { name: 'several operations without operationName', body: { query: `query A { ${entitlement(me)} } query B { ${entitlement(me)} }` }, status: 400, code: 'BAD_REQUEST' },
  { name: 'unknown operationName', body: { query: `query A { ${entitlement(me)} }`, operationName: 'B' }, status: 400, code: 'BAD_REQUEST' },
  // cost limits
  { name: 'depth 9', body: { query: `query { customerEntitlement(customerId: "${me}", featureId: "feature-sso") { feature { a { b { c { d { e { f { g } } } } } } } } }` }, status: 400, code: 'QUERY_TOO_COMPLEX' },
  { name: '101 aliased entitlement checks', body: { query: entitlementsDocument(101), variables: manyFeatures(101) }, status: 400, code: 'QUERY_TOO_COMPLEX' },
  { name: 'token bomb', body: { query: `query { ${'a '.repeat(6_000)}}` }, status: 400, code: 'GRAPHQL_PARSE_FAILED' },
  { name: 'field the schema does not have', body: { query: `query { customerEntitlement(customerId: "${me}", featureId: "feature-sso") { apiKey } }` }, status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
  { name: 'fragment cycle', body: { query: 'query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }' }, status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
]

describe('the proxy refuses attacks before anything reaches Stigg', () => {
  it('has a catalog of at least 25 attacks', () => {
    expect(attacks.length).toBeGreaterThanOrEqual(25)
  })

  it.each(attacks)('$name → $status $code', async (attack) => {
    const handler = attack.proxy === 'usage' ? usage : strict
    const method = attack.method ?? 'POST'
    const body = method === 'GET' ? undefined : (attack.raw ?? JSON.stringify(attack.body))
    const response = await handler(
      new Request('http://app.test/api/stigg', {
        method,
        headers: { 'content-type': 'application/json', cookie, ...attack.headers },
        ...(body === undefined ? {} : { body }),
      }),
    )
    const json = (await response.json()) as { errors: Array<{ message: string; extensions: { code: string } }> }
    expect(response.status).toBe(attack.status)
    expect(json.errors[0]?.extensions.code).toBe(attack.code)
    expect(json.errors[0]?.message.length).toBeGreaterThan(10)
    expect(json).not.toHaveProperty('data')
    expect(upstream.emulator.requests).toHaveLength(0)
    expect(events).toEqual([expect.objectContaining({ type: 'denied', reason: attack.code, status: attack.status })])
    if (attack.status === 405) expect(response.headers.get('allow')).toBe('POST')
  })

  it('refuses a streamed body over 64 KB without a Content-Length, counting bytes as they arrive', async () => {
    const chunk = new TextEncoder().encode('x'.repeat(8 * 1024))
    let sent = 0
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        // An endless body: the proxy must stop reading once it is past the limit.
        sent += 1
        controller.enqueue(chunk)
      },
    })
    const response = await strict(
      new Request('http://app.test/api/stigg', {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: stream,
        duplex: 'half',
      } as RequestInit),
    )
    expect(response.status).toBe(413)
    expect(sent).toBeLessThan(20)
    expect(upstream.emulator.requests).toHaveLength(0)
  })
})
