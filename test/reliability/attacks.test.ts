import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { startEmulator, type RunningEmulator } from 'react-stigg/emulator'
import { createStiggProxy, toNodeHandler, type StiggProxyEvent, type StiggProxyHandler } from 'react-stigg/server'
import { attacks, ME, renderAttackTable, type Attack } from './attackCatalog'
import { checkForwarded } from './firewallChecker'
import { sendRaw, type RawResponse } from './sendRaw'

// A key that looks real, so a leak anywhere (body, header, event) is unmistakable.
const KEY = 'sk_full_access_ATTACK_7f3a9c0e21'

let upstream: RunningEmulator
let server: Server
let port: number
const proxies: Record<'default' | 'open', StiggProxyHandler> = {} as Record<'default' | 'open', StiggProxyHandler>
const events: StiggProxyEvent[] = []

const identify = (request: Request) => {
  const match = /(?:^|;\s*)session=([^;]+)/.exec(request.headers.get('cookie') ?? '')
  // A session inside a workspace also names it: the proxy pins resourceId to it.
  const workspace = /(?:^|;\s*)workspace=([^;]+)/.exec(request.headers.get('cookie') ?? '')?.[1] ?? null
  return match?.[1] === undefined ? null : { customerId: decodeURIComponent(match[1]), resourceId: workspace }
}

beforeAll(async () => {
  upstream = await startEmulator({ apiKey: KEY })
  const base = { apiKey: KEY, upstreamUrl: upstream.url, identify, onEvent: (event: StiggProxyEvent) => events.push(event) }
  proxies.default = createStiggProxy({ ...base, allow: { reportUsage: { maxValue: 1000 } } })
  proxies.open = createStiggProxy({ ...base, allow: { reportUsage: { maxValue: 1000 }, provisionCustomer: { plans: ['plan-free'] }, introspection: true } })
  const handlers = { default: toNodeHandler(proxies.default), open: toNodeHandler(proxies.open) }
  server = createServer((req, res) => (req.headers['x-proxy'] === 'open' ? handlers.open : handlers.default)(req, res))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  port = (server.address() as AddressInfo).port
})

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()))
  await upstream.close()
})

beforeEach(() => {
  upstream.emulator.admin.clearRequests()
  events.length = 0
})

async function send(attack: Attack): Promise<RawResponse> {
  const spec = attack.build()
  const headers = { ...(spec.headers ?? { 'content-type': 'application/json', cookie: `session=${ME}` }), ...spec.extraHeaders }
  const body = typeof spec.body === 'string' ? Buffer.from(spec.body) : spec.body
  if (spec.transport === 'fetch') {
    if (spec.contentLength !== undefined) headers['content-length'] = String(spec.contentLength)
    const init: RequestInit = { method: spec.method ?? 'POST', headers }
    if (body !== undefined) init.body = new Uint8Array(body)
    const response = await proxies[spec.proxy ?? 'default'](new Request(`http://app.test${spec.path ?? '/graphql'}`, init))
    return { status: response.status, headers: Object.fromEntries(response.headers), body: await response.text() }
  }
  return sendRaw(port, {
    method: spec.method ?? 'POST',
    path: spec.path ?? '/graphql',
    headers: { ...headers, 'x-proxy': spec.proxy ?? 'default' },
    ...(body === undefined ? {} : { body }),
    ...(spec.chunks === undefined ? {} : { chunks: spec.chunks }),
    ...(spec.contentLength === undefined ? {} : { contentLength: spec.contentLength }),
  })
}

function expectNoKey(response: RawResponse): void {
  expect(response.body).not.toContain(KEY)
  for (const value of Object.values(response.headers)) expect(value).not.toContain(KEY)
  expect(JSON.stringify(events)).not.toContain(KEY)
}

describe('attack catalog', () => {
  it('has at least 40 attacks with unique ids', () => {
    expect(attacks.length).toBeGreaterThanOrEqual(40)
    expect(new Set(attacks.map((a) => a.id)).size).toBe(attacks.length)
  })

  it('is listed row by row in SECURITY.md', () => {
    const securityMd = readFileSync(new URL('../../SECURITY.md', import.meta.url), 'utf8')
    for (const line of renderAttackTable().split('\n')) expect(securityMd).toContain(line)
  })

  const refused = attacks.filter((a) => !a.reachesUpstream)
  it.each(refused.map((a) => [`${a.id} ${a.threat}`, a] as const))('%s → refused, nothing forwarded', async (_name, attack) => {
    const response = await send(attack)
    const body = JSON.parse(response.body) as { errors: Array<{ message: string; extensions: { code: string } }> }
    expect({ status: response.status, code: body.errors[0]?.extensions.code }).toEqual(attack.expect)
    expect(body.errors[0]?.message.length).toBeGreaterThan(10)
    expect(response.headers['content-type']).toMatch(/^application\/json/)
    expect(upstream.emulator.requests).toHaveLength(0)
    expectNoKey(response)
  })

  const served = attacks.filter((a) => a.reachesUpstream)
  it.each(served.map((a) => [`${a.id} ${a.threat}`, a] as const))('%s → served with the server key only', async (_name, attack) => {
    const response = await send(attack)
    expect(response.status).toBe(attack.expect.status)
    expect(JSON.parse(response.body)).toHaveProperty('data')
    expect(upstream.emulator.requests).toHaveLength(1)
    const forwarded = upstream.emulator.requests[0]
    expect(forwarded?.headers['x-api-key']).toBe(KEY)
    expect(forwarded?.headers).not.toHaveProperty('cookie')
    expect(forwarded?.headers).not.toHaveProperty('authorization')
    expectNoKey(response)
  })
})

describe('controls: the same shapes for the signed-in customer pass', () => {
  // Without these, a proxy that refused everything would pass the catalog.
  const controls: Array<[string, string]> = [
    ['aliases and fragments', `{ mine: customerEntitlement(customerId: "${ME}", featureId: "feature-sso") { isGranted } ...F } fragment F on Query { ... on Query { s: customerSubscriptions(customerId: "${ME}") { id } } }`],
    ['a variable default', `query Q($c: String = "${ME}") { customerEntitlement(customerId: $c, featureId: "feature-sso") { isGranted } }`],
    ['a GraphQL string escape', `{ customerEntitlement(customerId: "\\u0063ustomer-pro", featureId: "feature-sso") { isGranted } }`],
    ['a block string', `{ customerEntitlement(customerId: """${ME}""", featureId: "feature-sso") { isGranted } }`],
    ['100 aliases', `{ ${Array.from({ length: 100 }, (_, i) => `a${i}: customerEntitlement(customerId: "${ME}", featureId: "feature-sso") { isGranted }`).join(' ')} }`],
  ]
  it.each(controls)('%s', async (_name, query) => {
    const response = await sendRaw(port, {
      method: 'POST',
      path: '/graphql',
      headers: { 'content-type': 'application/json', cookie: `session=${ME}` },
      body: Buffer.from(JSON.stringify({ query })),
    })
    expect(response.status).toBe(200)
    expect(JSON.parse(response.body).errors).toBeUndefined()
    expect(upstream.emulator.requests).toHaveLength(1)
  })

  it('operationName picks the harmless operation of two, and only it runs upstream', async () => {
    const query = `query A { customerEntitlement(customerId: "${ME}", featureId: "feature-sso") { isGranted } } query B { customerEntitlement(customerId: "customer-free", featureId: "feature-sso") { isGranted } }`
    const response = await sendRaw(port, {
      method: 'POST',
      path: '/graphql',
      headers: { 'content-type': 'application/json', cookie: `session=${ME}` },
      body: Buffer.from(JSON.stringify({ query, operationName: 'A' })),
    })
    expect(response.status).toBe(200)
    const forwarded = upstream.emulator.requests[0]
    expect(forwarded).toBeDefined()
    const rules = { apiKey: KEY, customerId: ME, reportUsage: false as const, provisionCustomer: false, introspection: false, maxDepth: 8, maxRootFields: 100 }
    const body = JSON.stringify({ query: forwarded?.query, variables: forwarded?.variables, operationName: forwarded?.operationName })
    expect(checkForwarded({ method: 'POST', headers: new Headers(forwarded?.headers), body }, rules)).toEqual([])
  })
})
