// createStiggServer's getEntitlements / hasAccess over real HTTP against the emulator, with both
// dialects: the same identify, firewall, upstream and decideAccess as the proxy the browser uses.
import { QueryClient } from '@tanstack/react-query'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { stiggKeys, type EntitlementData } from 'react-stigg'
import { startEmulator, type RunningEmulator } from 'react-stigg/emulator'
import { createStiggServer, type StiggDialectName, type StiggProxyEvent } from 'react-stigg/server'

const dialects: StiggDialectName[] = ['seed', 'stigg']
let upstream: RunningEmulator
let upstreamHits = 0
let hop: Server
let hopUrl = ''

beforeAll(async () => {
  upstream = await startEmulator({ port: 0, host: '127.0.0.1', apiKey: 'secret-key' })
  // A counting hop in front of the emulator: how many upstream requests each helper call makes.
  hop = createServer(async (req, res) => {
    upstreamHits++
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const answer = await fetch(new URL(req.url ?? '/', upstream.url), {
      method: req.method,
      headers: { 'content-type': 'application/json', 'x-api-key': String(req.headers['x-api-key']) },
      body: Buffer.concat(chunks),
    })
    res.writeHead(answer.status, { 'content-type': 'application/json' }).end(await answer.text())
  })
  await new Promise<void>((resolve) => hop.listen(0, '127.0.0.1', resolve))
  hopUrl = `http://127.0.0.1:${(hop.address() as AddressInfo).port}`
})
afterAll(async () => {
  await new Promise<void>((resolve) => hop.close(() => resolve()))
  await upstream.close()
})
beforeEach(() => {
  upstream.emulator.admin.reset()
  upstreamHits = 0
})

function serverFor(dialect: StiggDialectName, events: StiggProxyEvent[] = []) {
  return createStiggServer({
    apiKey: 'secret-key',
    upstreamUrl: `${hopUrl}${dialect === 'stigg' ? new URL(upstream.hostedUrl).pathname : new URL(upstream.url).pathname}`,
    dialect,
    identify: (request) => {
      const customerId = request.headers.get('x-session-customer')
      return customerId ? { customerId } : null
    },
    onEvent: (event) => events.push(event),
  })
}
// A Server Component's request: a GET for a page, no body.
const pageRequest = (customerId?: string) =>
  new Request('http://app.test/dashboard', { headers: customerId ? { 'x-session-customer': customerId } : {} })

describe.each(dialects)("with the '%s' dialect", (dialect) => {
  it('answers several features in one upstream request, decided as the hooks decide them', async () => {
    const events: StiggProxyEvent[] = []
    const stigg = serverFor(dialect, events)
    const result = await stigg.getEntitlements(pageRequest('customer-pro'), ['feature-analytics', 'feature-sso', 'feature-projects', 'feature-api-calls'])
    expect(upstreamHits).toBe(1)
    expect(result.customerId).toBe('customer-pro')
    expect(result.errors).toEqual({})
    expect(result.entitlements['feature-analytics']).toMatchObject({ hasAccess: true, isFallback: false })
    expect(result.entitlements['feature-sso']).toMatchObject({ hasAccess: false, accessDeniedReason: 'NoFeatureEntitlementInSubscription' })
    expect(result.entitlements['feature-projects']).toMatchObject({ hasAccess: true, value: 20 })
    expect(result.entitlements['feature-api-calls']).toMatchObject({ hasAccess: true, usageLimit: 10000 })
    // The proxy's own event stream heard it, as for a browser request.
    expect(events).toMatchObject([{ type: 'allowed', customerId: 'customer-pro', rootFields: [dialect === 'seed' ? 'customerEntitlement' : expect.any(String)] }])
  })

  it('hasAccess: true, false for a denied feature, false when signed out (nothing forwarded)', async () => {
    const stigg = serverFor(dialect)
    await expect(stigg.hasAccess(pageRequest('customer-pro'), 'feature-analytics')).resolves.toBe(true)
    await expect(stigg.hasAccess(pageRequest('customer-free'), 'feature-analytics')).resolves.toBe(false)
    expect(upstreamHits).toBe(2)
    await expect(stigg.hasAccess(pageRequest(), 'feature-analytics')).resolves.toBe(false)
    await expect(stigg.getEntitlements(pageRequest(), ['feature-analytics'])).resolves.toEqual({ customerId: null, resourceId: null, entitlements: {}, errors: {} })
    expect(upstreamHits).toBe(2)
  })

  it('applies requestedUsage and minValue like the hooks', async () => {
    const stigg = serverFor(dialect)
    await expect(stigg.hasAccess(pageRequest('customer-pro'), 'feature-api-calls', { requestedUsage: 1 })).resolves.toBe(true)
    await expect(stigg.hasAccess(pageRequest('customer-pro'), 'feature-api-calls', { requestedUsage: 10_000 })).resolves.toBe(false)
    await expect(stigg.hasAccess(pageRequest('customer-pro'), 'feature-projects', { minValue: 20 })).resolves.toBe(true)
    await expect(stigg.hasAccess(pageRequest('customer-pro'), 'feature-projects', { minValue: 21 })).resolves.toBe(false)
    await expect(stigg.hasAccess(pageRequest('customer-pro'), 'feature-projects', { minValue: Number.NaN })).rejects.toMatchObject({ code: 'BAD_INPUT' })
  })

  it('fills a QueryClient under stiggKeys with the wire data the browser would cache', async () => {
    const queryClient = new QueryClient()
    await serverFor(dialect).getEntitlements(pageRequest('customer-pro'), ['feature-analytics', 'feature-projects'], { queryClient })
    const cached = queryClient.getQueryData<EntitlementData>(stiggKeys.entitlement('customer-pro', 'feature-projects'))
    expect(cached).toMatchObject({ featureId: 'feature-projects', isGranted: true, value: 20 })
    expect(queryClient.getQueryData(stiggKeys.entitlement('customer-pro', 'feature-analytics'))).toMatchObject({ isGranted: true })
  })
})

describe('createStiggServer', () => {
  it('rejects with a StiggError when the upstream is down, and hasAccess does not guess', async () => {
    const stigg = createStiggServer({
      apiKey: 'secret-key',
      upstreamUrl: 'http://127.0.0.1:9/graphql',
      identify: () => ({ customerId: 'customer-pro' }),
      timeoutMs: 2000,
    })
    await expect(stigg.getEntitlements(pageRequest(), ['feature-sso'])).rejects.toMatchObject({ name: 'StiggError', code: 'UPSTREAM_UNAVAILABLE', status: 502, retryable: true })
    await expect(stigg.hasAccess(pageRequest(), 'feature-sso')).rejects.toMatchObject({ name: 'StiggError' })
  })

  it('checks its options at creation, naming itself', () => {
    expect(() => createStiggServer({ apiKey: '', upstreamUrl: 'http://x.test', identify: () => null })).toThrow(/^createStiggServer: options.apiKey/)
  })

  it('passes an identify error through instead of reading it as signed out', async () => {
    const stigg = createStiggServer({
      apiKey: 'secret-key',
      upstreamUrl: upstream.url,
      identify: () => {
        throw new Error('session store down')
      },
    })
    await expect(stigg.hasAccess(pageRequest(), 'feature-sso')).rejects.toThrow(/session store down/)
  })

  it('serves the browser through .proxy with the same configuration', async () => {
    const stigg = serverFor('seed')
    const response = await stigg.proxy(
      new Request('http://app.test/api/stigg', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-session-customer': 'customer-pro' },
        body: JSON.stringify({ query: 'query{customerEntitlement(customerId:"customer-pro",featureId:"feature-analytics"){isGranted}}' }),
      }),
    )
    expect(await response.json()).toEqual({ data: { customerEntitlement: { isGranted: true } } })
  })
})
