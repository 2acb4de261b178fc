import { getIntrospectionQuery } from 'graphql'
import { startEmulator, type RunningEmulator } from 'react-stigg/emulator'
import { createStiggProxy, type StiggProxyEvent } from 'react-stigg/server'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { entitlementsDocument, provisionCustomerDocument, reportUsageDocument, subscriptionsDocument } from '../../src/core/documents'

const apiKey = 'passthrough-suite-key'
let upstream: RunningEmulator
const events: StiggProxyEvent[] = []

beforeAll(async () => {
  upstream = await startEmulator({ port: 0, host: '127.0.0.1', apiKey })
})
afterAll(() => upstream.close())
beforeEach(() => {
  upstream.emulator.admin.reset()
  events.length = 0
})

function proxyFor(customerId: string, allow?: Parameters<typeof createStiggProxy>[0]['allow']) {
  return createStiggProxy({
    apiKey,
    upstreamUrl: upstream.url,
    identify: () => ({ customerId }),
    onEvent: (event) => events.push(event),
    ...(allow ? { allow } : {}),
  })
}

const post = (body: unknown, headers: Record<string, string> = {}) =>
  new Request('http://app.test/api/stigg', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  })

async function direct(body: unknown): Promise<unknown> {
  const response = await fetch(upstream.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
    body: JSON.stringify(body),
  })
  return response.json()
}

function batch(customerId: string, features: string[]) {
  return {
    query: entitlementsDocument(features.length),
    variables: Object.fromEntries([['customerId', customerId], ...features.map((id, i) => [`f${i}`, id])]),
  }
}

const features = ['feature-api-calls', 'feature-seats', 'feature-sso', 'feature-analytics']

describe('valid traffic for the signed-in customer passes unchanged', () => {
  it.each([1, 4, 100])('an entitlement batch of %i answers what the emulator answers', async (count) => {
    const body = batch('customer-pro', Array.from({ length: count }, (_, i) => features[i % features.length] as string))
    const response = await proxyFor('customer-pro')(post(body))
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('no-store')
    const proxied = await response.json()
    expect(proxied).toEqual(await direct(body))
    expect(Object.keys((proxied as { data: object }).data)).toHaveLength(count)
  })

  it('subscriptions answer what the emulator answers', async () => {
    const body = { query: subscriptionsDocument, variables: { customerId: 'customer-trial' } }
    const response = await proxyFor('customer-trial')(post(body))
    const proxied = (await response.json()) as { data: { customerSubscriptions: Array<{ status: string }> } }
    expect(proxied).toEqual(await direct(body))
    expect(proxied.data.customerSubscriptions[0]?.status).toBe('TRIAL')
  })

  it('reportUsage within the cap is applied once, with the same answer as a direct call', async () => {
    const before = upstream.emulator.admin.getUsage('customer-free', 'feature-api-calls')
    const body = {
      query: reportUsageDocument,
      variables: { input: { customerId: 'customer-free', featureId: 'feature-api-calls', value: 7, idempotencyKey: 'k-1' } },
    }
    const response = await proxyFor('customer-free', { reportUsage: { maxValue: 10 } })(post(body))
    expect(response.status).toBe(200)
    const proxied = await response.json()
    expect(upstream.emulator.admin.getUsage('customer-free', 'feature-api-calls')).toBe(before + 7)
    // Same idempotency key: the emulator answers the recorded result without counting again.
    expect(proxied).toEqual(await direct(body))
    expect(upstream.emulator.admin.getUsage('customer-free', 'feature-api-calls')).toBe(before + 7)
  })

  it('provisionCustomer, when enabled, provisions the signed-in customer', async () => {
    const body = { query: provisionCustomerDocument, variables: { input: { customerId: 'customer-new', name: 'New Co' } } }
    const response = await proxyFor('customer-new', { provisionCustomer: true })(post(body))
    const json = (await response.json()) as { data: { provisionCustomer: { customer: { id: string; name: string } } } }
    expect(response.status).toBe(200)
    expect(json.data.provisionCustomer.customer).toMatchObject({ id: 'customer-new', name: 'New Co' })
  })

  it('GraphQL errors from the upstream pass through reduced to message, path and code', async () => {
    const body = batch('customer-pro', ['feature-does-not-exist'])
    const response = await proxyFor('customer-pro')(post(body))
    const proxied = (await response.json()) as { errors?: unknown[] }
    expect(response.status).toBe(200)
    expect(proxied.errors?.length).toBeGreaterThan(0)
    const upstreamAnswer = (await direct(body)) as { data: unknown; errors: Array<{ message: string; path: unknown[]; extensions: { code: string } }> }
    expect(upstreamAnswer.errors[0]).toHaveProperty('locations')
    expect(proxied).toEqual({
      data: upstreamAnswer.data,
      errors: upstreamAnswer.errors.map(({ message, path, extensions }) => ({ message, path, extensions: { code: extensions.code } })),
    })
  })

  it('introspection passes when enabled, including the standard introspection query', async () => {
    const response = await proxyFor('customer-pro', { introspection: true })(post({ query: getIntrospectionQuery() }))
    const json = (await response.json()) as { data: { __schema: { queryType: { name: string } } } }
    expect(response.status).toBe(200)
    expect(json.data.__schema.queryType.name).toBe('Query')
  })
})

describe('what is forwarded', () => {
  it('drops the browser X-API-KEY, cookies and authorization and sends the server key', async () => {
    const response = await proxyFor('customer-pro')(
      post(batch('customer-pro', ['feature-sso']), {
        'x-api-key': 'browser-supplied-key',
        cookie: 'session=abc',
        authorization: 'Bearer user-token',
        'x-forwarded-for': '10.0.0.1',
      }),
    )
    expect(response.status).toBe(200)
    const [recorded] = upstream.emulator.requests
    expect(recorded?.headers['x-api-key']).toBe(apiKey)
    expect(recorded?.headers).not.toHaveProperty('cookie')
    expect(recorded?.headers).not.toHaveProperty('authorization')
    expect(recorded?.headers).not.toHaveProperty('x-forwarded-for')
    expect(JSON.stringify(recorded)).not.toContain('browser-supplied-key')
  })

  it('forwards only the selected operation and only declared variables', async () => {
    const query = `
      query Mine($customerId: String!) { customerEntitlement(customerId: $customerId, featureId: "feature-sso") { isGranted } }
      query Other { customerSubscriptions(customerId: "customer-free") { id } }`
    const response = await proxyFor('customer-pro')(
      post({ query, operationName: 'Mine', variables: { customerId: 'customer-pro', smuggled: 'customer-free' } }),
    )
    expect(response.status).toBe(200)
    const [recorded] = upstream.emulator.requests
    expect(recorded?.operationName).toBe('Mine')
    expect(recorded?.query).not.toContain('Other')
    expect(recorded?.variables).toEqual({ customerId: 'customer-pro' })
  })

  it('reports one allowed event per request, without the key', async () => {
    await proxyFor('customer-pro')(post(batch('customer-pro', ['feature-sso', 'feature-seats'])))
    expect(events).toEqual([
      {
        type: 'allowed',
        customerId: 'customer-pro',
        operationName: 'StiggEntitlements',
        rootFields: ['customerEntitlement'],
        durationMs: expect.any(Number),
        source: 'upstream',
      },
    ])
    expect(JSON.stringify(events)).not.toContain(apiKey)
  })

  it('serves a repeated document from its cache with fresh variables each time', async () => {
    const proxy = proxyFor('customer-pro')
    const first = await proxy(post(batch('customer-pro', ['feature-sso'])))
    const second = await proxy(post(batch('customer-pro', ['feature-seats'])))
    const denied = await proxy(post(batch('customer-free', ['feature-seats'])))
    expect(((await first.json()) as { data: { e0: { featureId: string } } }).data.e0.featureId).toBe('feature-sso')
    expect(((await second.json()) as { data: { e0: { featureId: string } } }).data.e0.featureId).toBe('feature-seats')
    expect(denied.status).toBe(403)
    expect(upstream.emulator.requests).toHaveLength(2)
  })
})
