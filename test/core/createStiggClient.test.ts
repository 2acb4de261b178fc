import { describe, expect, it } from 'vitest'
import { createStiggClient, reportUsage, StiggError, type EntitlementData, type ProvisionCustomerResult } from 'react-stigg'
import { provisionCustomerDocument } from '../../src/core/documents'
import { createEmulator } from 'react-stigg/emulator'

const url = 'http://emulator.test/graphql'

function emulatorClient() {
  const emulator = createEmulator()
  const client = createStiggClient({
    url,
    headers: { 'x-api-key': emulator.apiKey },
    fetch: (input, init) => emulator.fetch(new Request(input, init)),
  })
  return { emulator, client }
}

/** A client whose every request gets this answer. */
const answering = (response: () => Response) => createStiggClient({ url, fetch: async () => response() })
const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } })

describe('createStiggClient against the emulator', () => {
  it('loads several features in one aliased request', async () => {
    const { emulator, client } = emulatorClient()
    const results = await client.getEntitlements('customer-pro', ['feature-api-calls', 'feature-sso', 'feature-analytics'])
    expect(emulator.requests).toHaveLength(1)
    expect(results['feature-api-calls']).toMatchObject({ isGranted: true, usageLimit: 10000, currentUsage: 9300, resetPeriod: 'MONTHLY' })
    expect(results['feature-sso']).toMatchObject({ isGranted: false, accessDeniedReason: 'NoFeatureEntitlementInSubscription' })
    expect(results['feature-analytics']).toMatchObject({ isGranted: true, usageLimit: null })
  })

  it('turns unknown customers and features into denied data, not errors', async () => {
    const { client } = emulatorClient()
    const unknownCustomer = await client.getEntitlements('customer-nobody', ['feature-sso'])
    expect(unknownCustomer['feature-sso']).toMatchObject({ isGranted: false, accessDeniedReason: 'CustomerNotFound' })
    const mixed = await client.getEntitlements('customer-pro', ['feature-nope', 'feature-sso'])
    expect(mixed['feature-nope']).toMatchObject({ isGranted: false, accessDeniedReason: 'FeatureNotFound' })
    expect(mixed['feature-sso']).not.toBeInstanceOf(StiggError)
  })

  it('splits more than 100 features into requests of at most 100', async () => {
    const { emulator, client } = emulatorClient()
    const ids = Array.from({ length: 250 }, (_, i) => `feature-${i}`)
    const results = await client.getEntitlements('customer-pro', ['feature-sso', ...ids, 'feature-sso'])
    expect(Object.keys(results)).toHaveLength(251)
    const sizes = emulator.requests.map((r) => Object.keys(r.variables as object).length - 1)
    expect(sizes.sort((a, b) => a - b)).toEqual([51, 100, 100])
  })

  it('reads subscriptions, reports usage once per idempotency key, provisions customers', async () => {
    const { emulator, client } = emulatorClient()
    const [subscription] = await client.getSubscriptions('customer-trial')
    expect(subscription).toMatchObject({ status: 'TRIAL', plan: { id: 'plan-pro', name: 'Pro' } })
    const first = await reportUsage(client, 'customer-free', { featureId: 'feature-api-calls', value: 5, idempotencyKey: 'k1' })
    const again = await reportUsage(client, 'customer-free', { featureId: 'feature-api-calls', value: 5, idempotencyKey: 'k1' })
    expect(first.currentUsage).toBe(125)
    expect(again.currentUsage).toBe(125)
    expect(emulator.admin.getUsage('customer-free', 'feature-api-calls')).toBe(125)
    const provisioned = await client.request<ProvisionCustomerResult>(
      provisionCustomerDocument,
      { input: { customerId: 'customer-new', name: 'New', subscriptionParams: { planId: 'plan-pro' } } },
      'provisionCustomer',
    )
    expect(provisioned.customer).toMatchObject({ id: 'customer-new', name: 'New' })
    expect(provisioned.subscription?.plan.id).toBe('plan-pro')
  })

  it('rejects a mutation error with the GraphQL code', async () => {
    const { client } = emulatorClient()
    const error = await reportUsage(client, 'customer-nobody', { featureId: 'feature-api-calls', value: 1 }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(StiggError)
    expect(error).toMatchObject({ code: 'CustomerNotFound', retryable: false })
  })

  it('rejects a missing api key as HTTP 401, not retryable', async () => {
    const emulator = createEmulator()
    const client = createStiggClient({ url, fetch: (input, init) => emulator.fetch(new Request(input, init)) })
    const error = await client.getSubscriptions('customer-pro').catch((e: unknown) => e)
    expect(error).toMatchObject({ status: 401, retryable: false })
  })
})

describe('createStiggClient error mapping', () => {
  it('accepts hosted-style not-found codes', async () => {
    const client = answering(() =>
      json({ data: { e0: null }, errors: [{ message: 'no such customer', path: ['e0'], extensions: { code: 'CUSTOMER_NOT_FOUND' } }] }),
    )
    const results = await client.getEntitlements('c', ['feature-a'])
    expect((results['feature-a'] as EntitlementData).accessDeniedReason).toBe('CustomerNotFound')
  })

  it('fails only the feature whose alias carries another error', async () => {
    const ok: EntitlementData = {
      featureId: 'feature-b',
      isGranted: true,
      usageLimit: null,
      currentUsage: 0,
      resetPeriod: null,
      accessDeniedReason: null,
      usagePeriodEnd: null,
      feature: null,
    }
    const client = answering(() =>
      json({ data: { e0: null, e1: ok }, errors: [{ message: 'boom', path: ['e0'], extensions: { code: 'INTERNAL' } }] }),
    )
    const results = await client.getEntitlements('c', ['feature-a', 'feature-b'])
    expect(results['feature-a']).toBeInstanceOf(StiggError)
    expect(results['feature-a']).toMatchObject({ code: 'INTERNAL', status: 200 })
    expect(results['feature-b']).toEqual(ok)
  })

  it('maps a network failure to NETWORK_ERROR', async () => {
    const client = createStiggClient({ url, fetch: async () => Promise.reject(new TypeError('fetch failed')) })
    const error = await client.getSubscriptions('c').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(StiggError)
    expect(error).toMatchObject({ code: 'NETWORK_ERROR', status: null, retryable: true })
    expect((error as StiggError).cause).toBeInstanceOf(TypeError)
  })

  it("keeps the proxy's GraphQL-shaped 503 with Retry-After", async () => {
    const client = answering(() =>
      json({ errors: [{ message: 'upstream unavailable', extensions: { code: 'UPSTREAM_UNAVAILABLE' } }] }, 503, { 'retry-after': '2' }),
    )
    const error = await client.getSubscriptions('c').catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', status: 503, retryable: true, retryAfterMs: 2000 })
    expect((error as StiggError).graphQLErrors[0]?.message).toBe('upstream unavailable')
  })

  it('maps a plain-text 403 to HTTP_403 and an HTML 200 to BAD_RESPONSE', async () => {
    const forbidden = answering(() => new Response('nope', { status: 403 }))
    expect(await forbidden.getSubscriptions('c').catch((e: unknown) => e)).toMatchObject({ code: 'HTTP_403', status: 403, retryable: false })
    const html = answering(() => new Response('<html></html>', { status: 200, headers: { 'content-type': 'text/html' } }))
    expect(await html.getSubscriptions('c').catch((e: unknown) => e)).toMatchObject({ code: 'BAD_RESPONSE', retryable: false })
  })

  it('explains a relative url on the server', async () => {
    const client = createStiggClient({ url: '/api/stigg', fetch: async () => json({}) })
    const error = await client.getSubscriptions('c').catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'INVALID_URL' })
    expect((error as Error).message).toMatch(/'\/api\/stigg' is relative/)
  })

  it('sends headers from a function on each request', async () => {
    const seen: string[] = []
    let token = 'a'
    const client = createStiggClient({
      url,
      headers: () => ({ authorization: token }),
      fetch: async (_input, init) => {
        seen.push(new Headers(init?.headers).get('authorization') ?? '')
        return json({ data: { customerSubscriptions: [] } })
      },
    })
    await client.getSubscriptions('c')
    token = 'b'
    await client.getSubscriptions('c')
    expect(seen).toEqual(['a', 'b'])
  })
})
