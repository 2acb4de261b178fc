import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createStiggProxy, toNodeHandler, type StiggProxyEvent, type StiggProxyOptions } from 'react-stigg/server'
import { entitlementsDocument, reportUsageDocument } from '../../src/core/documents'
import { readBody } from './readBody'
import { sendRaw } from './sendRaw'

/**
 * Issue 19's hostile-upstream findings over real HTTP: browser → node:http (toNodeHandler, both
 * the options fast path and a Fetch handler) → proxy → a scripted upstream on 127.0.0.1:0.
 */
const KEY = 'sk_full_access_HOSTILE_9d4c1b7e'
const ME = 'customer-pro'

type Script = (req: IncomingMessage, res: ServerResponse, body: string, socketRequests: number) => void
let script: Script
let upstream: Server
let upstreamUrl: string
let hits = 0
const sockets = new Set<Socket>()
const servers: Server[] = []
const events: StiggProxyEvent[] = []

const answer = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) =>
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(typeof body === 'string' ? body : JSON.stringify(body))

beforeAll(async () => {
  const perSocket = new WeakMap<Socket, number>()
  upstream = createServer((req, res) => {
    hits++
    const count = (perSocket.get(req.socket) ?? 0) + 1
    perSocket.set(req.socket, count)
    void readBody(req).then((body) => script(req, res, body.toString('utf8'), count))
  })
  upstream.on('connection', (socket: Socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve))
  upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}/graphql`
})

afterAll(async () => {
  for (const server of servers) server.close()
  for (const socket of sockets) socket.destroy()
  await new Promise<void>((resolve) => upstream.close(() => resolve()))
})

beforeEach(() => {
  hits = 0
  events.length = 0
})

/** The proxy behind a real node:http server; `fetchAdapter` puts createStiggProxy's Fetch handler behind toNodeHandler instead. */
async function proxyPort(extra: Partial<StiggProxyOptions> = {}, fetchAdapter = false): Promise<number> {
  const options: StiggProxyOptions = {
    apiKey: KEY,
    upstreamUrl,
    identify: () => ({ customerId: ME }),
    onEvent: (event) => events.push(event),
    allow: { reportUsage: { maxValue: 100 } },
    ...extra,
  }
  const handler = toNodeHandler(fetchAdapter ? createStiggProxy(options) : options)
  const server = createServer((req, res) => handler(req, res))
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return (server.address() as AddressInfo).port
}

const read = (port: number, query = entitlementsDocument(1), variables: Record<string, unknown> = { customerId: ME, f0: 'feature-sso' }) =>
  sendRaw(port, { method: 'POST', path: '/', headers: { 'content-type': 'application/json' }, body: Buffer.from(JSON.stringify({ query, variables })) })

const hostedEntitlement = { hasAccess: true, isUnlimited: false, usageLimit: 10, currentUsage: 1, accessDeniedReason: null, resetPeriod: null, usagePeriodEnd: null, feature: { refId: 'feature-sso', displayName: 'SSO', featureType: 'BOOLEAN', featureUnits: null, featureUnitsPlural: null } }

describe.each([
  ['seed', false],
  ['seed', true],
  ['stigg', false],
] as const)('dialect %s (Fetch adapter: %s)', (dialect, fetchAdapter) => {
  const port = () => proxyPort({ dialect }, fetchAdapter)
  /** An upstream answer for this dialect carrying `message` as an error next to a valid entitlement. */
  const withError = (error: Record<string, unknown>) =>
    dialect === 'seed'
      ? { data: { e0: { isGranted: true, currentUsage: 0 } }, errors: [error] }
      : { data: { h0: hostedEntitlement }, errors: [error] }

  it('scrubs the key hidden in JSON unicode escapes and in base64 from the decoded answer', async () => {
    const escaped = [...KEY].map((char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')
    const base64 = Buffer.from(`user:${KEY}`).toString('base64')
    script = (_req, res) => answer(res, 200, `{"data":null,"errors":[{"message":"invalid key ${escaped}","extensions":{"code":"UNAUTHENTICATED","token":"${base64}"}},{"message":"token ${base64}"}]}`)
    const response = await read(await port())
    expect(response.body).not.toContain(KEY)
    const decoded = JSON.stringify(JSON.parse(response.body))
    expect(decoded).not.toContain(KEY)
    expect(decoded).not.toContain(Buffer.from(KEY).toString('base64').slice(4, -4))
    expect(decoded).toContain('[redacted]')
  })

  it('reduces upstream errors to message, path and code: no stack traces or internal paths', async () => {
    script = (_req, res) =>
      answer(res, 200, withError({ message: 'Customer not found', path: [dialect === 'seed' ? 'e0' : 'h0'], locations: [{ line: 1, column: 2 }], extensions: { code: 'CUSTOMER_NOT_FOUND', exception: { stacktrace: ['TypeError at /srv/stigg/internal/resolver.js:12'] }, internalPath: '/srv/stigg' } }))
    const response = await read(await port())
    expect(response.body).not.toMatch(/stacktrace|\/srv\/stigg|locations/)
    const body = JSON.parse(response.body) as { errors: Array<Record<string, unknown>> }
    expect(body.errors[0]).toMatchObject({ message: 'Customer not found', extensions: { code: 'CUSTOMER_NOT_FOUND' } })
    expect(Object.keys(body.errors[0]!.extensions as object)).toEqual(['code'])
  })

  it.each([204, 205, 206, 302, 404, 422])('maps upstream status %i to a GraphQL-shaped 502, never a crash', async (status) => {
    script = (_req, res) => (status === 204 ? res.writeHead(204).end() : answer(res, status, { data: { e0: null } }))
    const response = await read(await port())
    expect(response.status).toBe(502)
    expect(JSON.parse(response.body)).toMatchObject({ errors: [{ extensions: { code: 'UPSTREAM_BAD_RESPONSE' } }] })
  })

  it('stops reading an upstream answer over 4 MiB: 502 UPSTREAM_TOO_LARGE', async () => {
    const padding = 'x'.repeat(40 * 1024 * 1024)
    script = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(`{"data":{"e0":{"isGranted":true,"pad":"${padding}"}}}`)
    }
    const response = await read(await port())
    expect(response.status).toBe(502)
    expect(JSON.parse(response.body)).toMatchObject({ errors: [{ extensions: { code: 'UPSTREAM_TOO_LARGE' } }] })
  })

  it("clamps the upstream's Retry-After to 1..600 s", async () => {
    const served = await port()
    for (const [header, expected] of [['1e+23', '600'], ['0', '1'], ['30', '30'], ['Fri, 01 Jan 2100 00:00:00 GMT', '600']] as const) {
      script = (_req, res) => answer(res, 429, { errors: [{ message: 'slow down' }] }, { 'retry-after': header })
      const response = await read(served)
      expect(response.status).toBe(429)
      expect(response.headers['retry-after']).toBe(expected)
    }
  })
})

describe('exposeUpstreamErrors', () => {
  it('passes upstream errors whole when turned on (development)', async () => {
    script = (_req, res) => answer(res, 200, { data: { e0: null }, errors: [{ message: 'boom', path: ['e0'], extensions: { code: 'INTERNAL', exception: { stacktrace: ['at resolver.js:1'] } } }] })
    const response = await read(await proxyPort({ exposeUpstreamErrors: true }))
    expect(JSON.parse(response.body)).toMatchObject({ errors: [{ extensions: { exception: { stacktrace: ['at resolver.js:1'] } } }] })
  })
})

describe('a keep-alive connection the upstream closed', () => {
  // The second request on a connection is dropped before any byte: the upstream had closed it.
  const dropReused: Script = (req, res, _body, socketRequests) => {
    if (socketRequests > 1) req.socket.destroy()
    else answer(res, 200, { data: { e0: { isGranted: true, currentUsage: 0 } } })
  }

  it('a read is sent once more on a fresh connection and served', async () => {
    script = dropReused
    const port = await proxyPort()
    expect((await read(port)).status).toBe(200)
    const second = await read(port, entitlementsDocument(1), { customerId: ME, f0: 'feature-seats' })
    expect(second.status).toBe(200)
    expect(hits).toBe(3) // first, the dropped reuse, the retry
  })

  it('a usage report is never sent twice: 502', async () => {
    const port = await proxyPort()
    script = dropReused
    expect((await read(port)).status).toBe(200)
    script = (req, res, body, socketRequests) => {
      if (socketRequests > 1) req.socket.destroy()
      else answer(res, 200, { data: { reportUsage: { id: 'u1' } } })
    }
    const report = await sendRaw(port, {
      method: 'POST',
      path: '/',
      headers: { 'content-type': 'application/json' },
      body: Buffer.from(JSON.stringify({ query: reportUsageDocument, variables: { input: { customerId: ME, featureId: 'feature-api-calls', value: 1 } } })),
    })
    expect(report.status).toBe(502)
    expect(JSON.parse(report.body)).toMatchObject({ errors: [{ extensions: { code: 'UPSTREAM_UNAVAILABLE' } }] })
    expect(hits).toBe(2)
  })
})
