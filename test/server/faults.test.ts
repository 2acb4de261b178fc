import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createStiggProxy, type StiggProxyEvent } from 'react-stigg/server'
import { afterEach, describe, expect, it } from 'vitest'

const apiKey = 'fault-suite-secret-key'
const servers: Server[] = []

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  }
})

/** A misbehaving upstream on 127.0.0.1:0; resolves with its URL and the requests it saw. */
async function faultyUpstream(behave: (req: IncomingMessage, res: ServerResponse) => void) {
  const seen: IncomingMessage[] = []
  const server = createServer((req, res) => {
    seen.push(req)
    req.resume()
    behave(req, res)
  })
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, seen }
}

async function callThrough(url: string, timeoutMs = 2_000) {
  const events: StiggProxyEvent[] = []
  const proxy = createStiggProxy({
    apiKey,
    upstreamUrl: url,
    identify: () => ({ customerId: 'customer-pro' }),
    timeoutMs,
    onEvent: (event) => events.push(event),
  })
  const response = await proxy(
    new Request('http://app.test/api/stigg', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ customerSubscriptions(customerId: "customer-pro") { id } }' }),
    }),
  )
  const text = await response.text()
  const json = JSON.parse(text) as { data?: unknown; errors?: Array<{ message: string; extensions: { code: string } }> }
  const headers = [...response.headers].map(([name, value]) => `${name}: ${value}`).join('\n')
  // Whatever happened, the key must not leak to the browser or the log.
  expect(text + headers + JSON.stringify(events)).not.toContain(apiKey)
  return { response, json, events }
}

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers })
  res.end(JSON.stringify(body))
}

describe('upstream faults map to GraphQL-shaped errors', () => {
  it('a hanging upstream → 504 UPSTREAM_TIMEOUT within timeoutMs', async () => {
    const { url, seen } = await faultyUpstream(() => undefined)
    const { response, json: body, events } = await callThrough(url, 150)
    expect(response.status).toBe(504)
    expect(body.errors?.[0]?.extensions.code).toBe('UPSTREAM_TIMEOUT')
    expect(seen).toHaveLength(1)
    expect(events).toEqual([expect.objectContaining({ type: 'upstream_error', code: 'UPSTREAM_TIMEOUT', status: 504, customerId: 'customer-pro' })])
  })

  it('deadlines of one proxy are kept apart: a hanging call times out while others answer, before, beside and after it', async () => {
    const { url } = await faultyUpstream((req, res) => {
      let body = ''
      req.on('data', (chunk: Buffer) => (body += chunk.toString()))
      req.on('end', () => {
        if (!body.includes('hang-')) json(res, 200, { data: { customerSubscriptions: [] } })
      })
    })
    const proxy = createStiggProxy({ apiKey, upstreamUrl: url, timeoutMs: 150, identify: (request) => ({ customerId: request.headers.get('x-customer')! }) })
    const ask = async (customerId: string) => {
      const started = Date.now()
      const response = await proxy(
        new Request('http://app.test/api/stigg', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-customer': customerId },
          body: JSON.stringify({ query: `{ customerSubscriptions(customerId: "${customerId}") { id } }` }),
        }),
      )
      return { status: response.status, ms: Date.now() - started }
    }
    expect((await ask('ok-1')).status).toBe(200)
    const [hanging, beside] = await Promise.all([ask('hang-1'), ask('ok-2')])
    expect(beside.status).toBe(200)
    expect(hanging.status).toBe(504)
    expect(hanging.ms).toBeGreaterThanOrEqual(140)
    // Once every deadline is settled, a new one still fires (the shared timer is armed again).
    const later = await ask('hang-2')
    expect(later.status).toBe(504)
    expect(later.ms).toBeGreaterThanOrEqual(140)
    expect(later.ms).toBeLessThan(1_500)
  })

  it('an upstream that sends headers and then stalls → 504 UPSTREAM_TIMEOUT', async () => {
    const { url } = await faultyUpstream((_, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.write('{"data":')
    })
    const { response, json: body } = await callThrough(url, 150)
    expect(response.status).toBe(504)
    expect(body.errors?.[0]?.extensions.code).toBe('UPSTREAM_TIMEOUT')
  })

  it.each([500, 503])('upstream %i → 502 UPSTREAM_ERROR', async (status) => {
    const { url } = await faultyUpstream((_, res) => json(res, status, { message: `internal error for key ${apiKey}` }))
    const { response, json: body } = await callThrough(url)
    expect(response.status).toBe(502)
    expect(body.errors?.[0]?.extensions.code).toBe('UPSTREAM_ERROR')
  })

  it('upstream 429 without Retry-After → 429 with a Retry-After the proxy computes', async () => {
    const { url } = await faultyUpstream((_, res) => json(res, 429, { errors: [{ message: 'Too many requests' }] }))
    const { response, json: body } = await callThrough(url)
    expect(response.status).toBe(429)
    expect(body.errors?.[0]?.extensions.code).toBe('RATE_LIMITED')
    const retryAfter = Number(response.headers.get('retry-after'))
    expect(Number.isInteger(retryAfter)).toBe(true)
    expect(retryAfter).toBeGreaterThanOrEqual(1)
    expect(retryAfter).toBeLessThanOrEqual(60)
  })

  it("upstream 429 with Retry-After → the upstream's value", async () => {
    const { url } = await faultyUpstream((_, res) => json(res, 429, { errors: [] }, { 'retry-after': '17' }))
    const { response } = await callThrough(url)
    expect(response.status).toBe(429)
    expect(response.headers.get('retry-after')).toBe('17')
  })

  it.each([401, 403])('upstream %i → 502 UPSTREAM_AUTH, never a 401 to the browser', async (status) => {
    const { url } = await faultyUpstream((_, res) => json(res, status, { errors: [{ message: `key ${apiKey} is invalid` }] }))
    const { response, json: body, events } = await callThrough(url)
    expect(response.status).toBe(502)
    expect(body.errors?.[0]).toEqual({
      message: 'Proxy misconfigured: upstream rejected the API key.',
      extensions: { code: 'UPSTREAM_AUTH' },
    })
    expect(events[0]).toMatchObject({ type: 'upstream_error', code: 'UPSTREAM_AUTH' })
  })

  it('a connection reset before any answer → 502 UPSTREAM_UNAVAILABLE', async () => {
    const { url } = await faultyUpstream((req) => req.socket.destroy())
    const { response, json: body } = await callThrough(url)
    expect(response.status).toBe(502)
    expect(body.errors?.[0]?.extensions.code).toBe('UPSTREAM_UNAVAILABLE')
  })

  it('a connection reset in the middle of the body → 502 UPSTREAM_UNAVAILABLE', async () => {
    const { url } = await faultyUpstream((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' })
      res.write('{"data":{"customerSubscriptions":[', () => req.socket.destroy())
    })
    const { response, json: body } = await callThrough(url)
    expect(response.status).toBe(502)
    expect(body.errors?.[0]?.extensions.code).toBe('UPSTREAM_UNAVAILABLE')
  })

  it('connection refused → 502 UPSTREAM_UNAVAILABLE', async () => {
    const { url } = await faultyUpstream(() => undefined)
    const server = servers.pop() as Server
    await new Promise((resolve) => server.close(resolve))
    const { response, json: body, events } = await callThrough(url)
    expect(response.status).toBe(502)
    expect(body.errors?.[0]?.extensions.code).toBe('UPSTREAM_UNAVAILABLE')
    expect(events[0]).toMatchObject({ type: 'upstream_error', code: 'UPSTREAM_UNAVAILABLE', status: 502 })
  })

  it.each([
    ['HTML', 'text/html', '<html><body>Bad gateway</body></html>'],
    ['truncated JSON', 'application/json', '{"data": {'],
    ['JSON that is not a GraphQL response', 'application/json', '[1, 2, 3]'],
  ])('garbage (%s) → 502 UPSTREAM_BAD_RESPONSE', async (_, contentType, payload) => {
    const { url } = await faultyUpstream((__, res) => {
      res.writeHead(200, { 'content-type': contentType })
      res.end(payload)
    })
    const { response, json: body } = await callThrough(url)
    expect(response.status).toBe(502)
    expect(body.errors?.[0]?.extensions.code).toBe('UPSTREAM_BAD_RESPONSE')
  })

  it('a redirect is not followed (it could carry the key elsewhere) → 502 UPSTREAM_BAD_RESPONSE', async () => {
    const elsewhere = await faultyUpstream((_, res) => json(res, 200, { data: {} }))
    const { url } = await faultyUpstream((_, res) => {
      res.writeHead(307, { location: elsewhere.url })
      res.end()
    })
    const { response, json: body } = await callThrough(url)
    expect(response.status).toBe(502)
    expect(body.errors?.[0]?.extensions.code).toBe('UPSTREAM_BAD_RESPONSE')
    expect(elsewhere.seen).toHaveLength(0)
  })

  it('GraphQL errors in a 200 pass through, with an echoed key scrubbed', async () => {
    const upstreamBody = {
      data: { customerSubscriptions: null },
      errors: [{ message: `Customer not found (key ${apiKey})`, path: ['customerSubscriptions'], extensions: { code: 'CustomerNotFound' } }],
    }
    const { url, seen } = await faultyUpstream((_, res) => json(res, 200, upstreamBody))
    const { response, json: body } = await callThrough(url)
    expect(response.status).toBe(200)
    expect(body).toEqual({
      data: { customerSubscriptions: null },
      errors: [{ message: 'Customer not found (key [redacted])', path: ['customerSubscriptions'], extensions: { code: 'CustomerNotFound' } }],
    })
    expect(seen[0]?.headers['x-api-key']).toBe(apiKey)
  })
})
