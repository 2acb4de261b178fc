import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startEmulator, type RunningEmulator } from 'react-stigg/emulator'
import { toNodeHandler, type StiggProxyOptions } from 'react-stigg/server'
import { entitlementsDocument, reportUsageDocument } from '../../src/core/documents'
import { sendRaw } from './sendRaw'

/** The configurable halves of issue 19's limits, over real HTTP in front of the real emulator. */
const KEY = 'limit-options-key'
const ME = 'customer-pro'
let emulator: RunningEmulator
const servers: Server[] = []

beforeAll(async () => {
  emulator = await startEmulator({ apiKey: KEY })
})
afterAll(async () => {
  for (const server of servers) server.close()
  await emulator.close()
})
beforeEach(() => emulator.emulator.admin.clearRequests())

async function proxyPort(extra: Partial<StiggProxyOptions>): Promise<number> {
  const handler = toNodeHandler({ apiKey: KEY, upstreamUrl: emulator.url, identify: (request) => ({ customerId: request.headers.get('x-customer') ?? ME }), ...extra })
  const server = createServer((req, res) => handler(req, res))
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return (server.address() as AddressInfo).port
}

const post = (port: number, query: string, variables: Record<string, unknown>, customer = ME) =>
  sendRaw(port, { method: 'POST', path: '/', headers: { 'content-type': 'application/json', 'x-customer': customer }, body: Buffer.from(JSON.stringify({ query, variables })) })

const batch = (count: number) => {
  const variables: Record<string, unknown> = { customerId: ME }
  for (let i = 0; i < count; i++) variables[`f${i}`] = 'feature-sso'
  return variables
}

describe('limits.maxFields', () => {
  it("the default serves the client's largest batch (100 checks, 1,500 fields)", async () => {
    const response = await post(await proxyPort({}), entitlementsDocument(100), batch(100))
    expect(response.status).toBe(200)
  })

  it('a lower limit refuses a batch over it, naming the option; nothing forwarded', async () => {
    const port = await proxyPort({ limits: { maxFields: 100 } })
    const refused = await post(port, entitlementsDocument(10), batch(10))
    expect(refused.status).toBe(400)
    const body = JSON.parse(refused.body) as { errors: Array<{ message: string; extensions: { code: string } }> }
    expect(body.errors[0]).toMatchObject({ extensions: { code: 'QUERY_TOO_COMPLEX' } })
    expect(body.errors[0]?.message).toMatch(/150 fields.*limits\.maxFields/)
    expect(emulator.emulator.requests).toHaveLength(0)
    expect((await post(port, entitlementsDocument(5), batch(5))).status).toBe(200)
  })
})

describe('allow.reportUsage.minValue', () => {
  const report = (port: number, value: number) => post(port, reportUsageDocument, { input: { customerId: ME, featureId: 'feature-api-calls', value } })

  it('defaults to 1e-6: 5e-324 and 1e-7 are refused, 1e-6 is forwarded', async () => {
    const port = await proxyPort({ allow: { reportUsage: { maxValue: 10 } } })
    expect((await report(port, 5e-324)).status).toBe(403)
    expect((await report(port, 1e-7)).status).toBe(403)
    expect(emulator.emulator.requests).toHaveLength(0)
    expect((await report(port, 1e-6)).status).toBe(200)
  })

  it('is configurable, and checked at startup', async () => {
    const port = await proxyPort({ allow: { reportUsage: { maxValue: 10, minValue: 1 } } })
    expect((await report(port, 0.5)).status).toBe(403)
    expect((await report(port, 1)).status).toBe(200)
    expect(() => toNodeHandler({ apiKey: KEY, upstreamUrl: emulator.url, identify: () => null, allow: { reportUsage: { maxValue: 1, minValue: 2 } } })).toThrow(/minValue/)
    expect(() => toNodeHandler({ apiKey: KEY, upstreamUrl: emulator.url, identify: () => null, allow: { provisionCustomer: { plans: 'plan-free' } as never } })).toThrow(/provisionCustomer/)
  })
})

describe('allow.provisionCustomer', () => {
  it('true provisions without a subscription only; { plans } lets exactly those plans start', async () => {
    const provision = (port: number, customerId: string, subscriptionParams?: unknown) =>
      post(
        port,
        'mutation P($input: ProvisionCustomerInput!) { provisionCustomer(input: $input) { customer { id } subscription { plan { id } } } }',
        { input: { customerId, ...(subscriptionParams ? { subscriptionParams } : {}) } },
        customerId,
      )
    const bare = await proxyPort({ allow: { provisionCustomer: true } })
    expect((await provision(bare, 'signup-1')).status).toBe(200)
    expect((await provision(bare, 'signup-2', { planId: 'plan-free' })).status).toBe(403)
    const plans = await proxyPort({ allow: { provisionCustomer: { plans: ['plan-free'] } } })
    const started = await provision(plans, 'signup-3', { planId: 'plan-free' })
    expect(started.status).toBe(200)
    expect(JSON.parse(started.body)).toMatchObject({ data: { provisionCustomer: { subscription: { plan: { id: 'plan-free' } } } } })
    const refused = await provision(plans, 'signup-4', { planId: 'plan-pro' })
    expect(refused.status).toBe(403)
    expect(JSON.parse(refused.body).errors[0].message).toMatch(/plan-pro.*allowed: plan-free/)
  })
})
