import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createEmulator, startEmulator, type RunningEmulator } from 'react-stigg/emulator'

const query = '{ customerEntitlement(customerId: "customer-free", featureId: "feature-api-calls") { isGranted } }'

let running: RunningEmulator
beforeAll(async () => {
  running = await startEmulator({ apiKey: 'http-key' })
})
afterAll(() => running.close())
beforeEach(() => running.emulator.admin.clearRequests())

async function send(init: RequestInit & { headers?: Record<string, string> }, url = running.url) {
  const response = await fetch(url, { method: 'POST', ...init })
  const text = await response.text()
  return { status: response.status, headers: response.headers, json: JSON.parse(text) as { data?: any; errors?: any[] } }
}
const jsonHeaders = { 'content-type': 'application/json', 'x-api-key': 'http-key' }

describe('authentication', () => {
  it('answers 401 UNAUTHENTICATED without X-API-KEY', async () => {
    const { status, json } = await send({ headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) })
    expect(status).toBe(401)
    expect(json).toEqual({ errors: [{ message: 'Missing X-API-KEY header', extensions: { code: 'UNAUTHENTICATED' } }] })
  })

  it('answers 401 UNAUTHENTICATED for a wrong key, without echoing either key', async () => {
    const { status, json } = await send({ headers: { ...jsonHeaders, 'x-api-key': 'guess' }, body: JSON.stringify({ query }) })
    expect(status).toBe(401)
    expect(json.errors?.[0]?.extensions).toEqual({ code: 'UNAUTHENTICATED' })
    expect(JSON.stringify(json)).not.toContain('http-key')
    expect(JSON.stringify(json)).not.toContain('guess')
  })
})

describe('malformed requests', () => {
  it.each([
    ['a body that is not JSON', { headers: jsonHeaders, body: '{"query":' }, /^Request body is not valid JSON/],
    ['a text/plain content type', { headers: { ...jsonHeaders, 'content-type': 'text/plain' }, body: JSON.stringify({ query }) }, /^Content-Type must be application\/json, got "text\/plain"/],
    ['no content type', { headers: { 'x-api-key': 'http-key' }, body: new Blob([JSON.stringify({ query })]) }, /^Content-Type must be application\/json, got none/],
    ['a JSON array body', { headers: jsonHeaders, body: '[]' }, /^Request body must be a JSON object/],
    ['a missing query', { headers: jsonHeaders, body: JSON.stringify({ variables: {} }) }, /^"query" must be a string holding a GraphQL document, got nothing/],
    ['a numeric query', { headers: jsonHeaders, body: JSON.stringify({ query: 42 }) }, /^"query" must be a string.*got number/],
    ['array variables', { headers: jsonHeaders, body: JSON.stringify({ query, variables: [1] }) }, /^"variables" must be a JSON object/],
    ['a numeric operationName', { headers: jsonHeaders, body: JSON.stringify({ query, operationName: 1 }) }, /^"operationName" must be a string/],
  ])('answers 400 for %s', async (_name, init, message) => {
    const { status, json } = await send(init)
    expect(status).toBe(400)
    expect(json.errors).toHaveLength(1)
    expect(json.errors?.[0]?.message).toMatch(message)
    expect(json.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST')
  })

  it('answers 400 with a located GRAPHQL_PARSE_FAILED error for a syntax error', async () => {
    const { status, json } = await send({ headers: jsonHeaders, body: JSON.stringify({ query: '{\n  customerEntitlement(' }) })
    expect(status).toBe(400)
    expect(json).toEqual({
      errors: [{ message: 'Syntax Error: Expected Name, found <EOF>.', locations: [{ line: 2, column: 23 }], extensions: { code: 'GRAPHQL_PARSE_FAILED' } }],
    })
  })

  it('answers 400 with GRAPHQL_VALIDATION_FAILED for a field the schema lacks', async () => {
    const { status, json } = await send({ headers: jsonHeaders, body: JSON.stringify({ query: '{ customers { id } }' }) })
    expect(status).toBe(400)
    expect(json.errors?.[0]).toEqual({
      message: 'Cannot query field "customers" on type "Query".',
      locations: [{ line: 1, column: 3 }],
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    })
  })

  it('answers 405 with Allow: POST for GET and PUT', async () => {
    for (const method of ['GET', 'PUT']) {
      const response = await fetch(running.url, { method, headers: { 'x-api-key': 'http-key' }, body: method === 'GET' ? undefined : '{}' })
      expect(response.status).toBe(405)
      expect(response.headers.get('allow')).toBe('POST')
      expect(((await response.json()) as any).errors[0].extensions.code).toBe('METHOD_NOT_ALLOWED')
    }
  })

  it('answers 404 for a path other than /graphql', async () => {
    const { status, json } = await send({ headers: jsonHeaders, body: JSON.stringify({ query }) }, running.url.replace('/graphql', '/rest'))
    expect(status).toBe(404)
    expect(json.errors?.[0]?.message).toContain('send POST /graphql')
  })
})

describe('operations', () => {
  const twoOperations = `query Free { customerEntitlement(customerId: "customer-free", featureId: "feature-seats") { usageLimit } }
query Pro { customerEntitlement(customerId: "customer-pro", featureId: "feature-seats") { usageLimit } }`

  it('runs the operation named by operationName', async () => {
    const { json } = await send({ headers: jsonHeaders, body: JSON.stringify({ query: twoOperations, operationName: 'Pro' }) })
    expect(json).toEqual({ data: { customerEntitlement: { usageLimit: 20 } } })
  })

  it('answers 400 when several operations arrive without operationName, or the name is unknown', async () => {
    const missing = await send({ headers: jsonHeaders, body: JSON.stringify({ query: twoOperations }) })
    expect(missing.status).toBe(400)
    expect(missing.json.errors?.[0]?.message).toBe('Must provide operation name if query contains multiple operations.')
    const unknown = await send({ headers: jsonHeaders, body: JSON.stringify({ query: twoOperations, operationName: 'Gold' }) })
    expect(unknown.status).toBe(400)
    expect(unknown.json.errors?.[0]?.message).toBe('Unknown operation named "Gold".')
  })

  it('answers 400 BAD_USER_INPUT for a missing required variable', async () => {
    const { status, json } = await send({
      headers: jsonHeaders,
      body: JSON.stringify({ query: 'query Q($c: String!) { customerSubscriptions(customerId: $c) { id } }', variables: {} }),
    })
    expect(status).toBe(400)
    expect(json.errors?.[0]).toMatchObject({ message: 'Variable "$c" of required type "String!" was not provided.', extensions: { code: 'BAD_USER_INPUT' } })
  })

  it('records every request that reached it, rejected ones included', async () => {
    await send({ headers: { ...jsonHeaders, 'x-api-key': 'wrong' }, body: JSON.stringify({ query, operationName: null, variables: { a: 1 } }) })
    await send({ headers: jsonHeaders, body: JSON.stringify({ query: 'query Named { customerSubscriptions(customerId: "customer-free") { id } }', operationName: 'Named' }) })
    const recorded = running.emulator.requests
    expect(recorded).toHaveLength(2)
    expect(recorded[0]).toMatchObject({ method: 'POST', path: '/graphql', operationName: null, query, variables: { a: 1 } })
    expect(recorded[0]?.headers['x-api-key']).toBe('wrong')
    expect(recorded[1]).toMatchObject({ operationName: 'Named' })
    expect(recorded[1]?.at).toBeInstanceOf(Date)
    running.emulator.admin.clearRequests()
    expect(running.emulator.requests).toHaveLength(0)
  })
})

describe('in-process fetch (no server)', () => {
  it('answers a Request like the HTTP server does, and applies the default key', async () => {
    const emulator = createEmulator()
    expect(emulator.apiKey).toBe('emulator-api-key')
    const request = (key: string) =>
      new Request('https://stigg.test/api/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': key },
        body: JSON.stringify({ query: '{ customerEntitlement(customerId: "customer-pro", featureId: "feature-seats") { currentUsage usageLimit } }' }),
      })
    const ok = await emulator.fetch(request('emulator-api-key'))
    expect(ok.status).toBe(200)
    expect(ok.headers.get('content-type')).toContain('application/json')
    expect(await ok.json()).toEqual({ data: { customerEntitlement: { currentUsage: 12, usageLimit: 20 } } })
    expect((await emulator.fetch(request('nope'))).status).toBe(401)
  })

  it('starts with no customers when seed is false', async () => {
    const emulator = createEmulator({ seed: false })
    expect(emulator.admin.snapshot().customers).toEqual({})
    emulator.admin.addCustomer({ customerId: 'only' })
    emulator.admin.reset()
    expect(emulator.admin.snapshot().customers).toEqual({})
  })
})
