import { createServer, request as httpRequest, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createStiggProxy, toNodeHandler, type StiggProxyOptions } from 'react-stigg/server'
import { startEmulator, type RunningEmulator } from 'react-stigg/emulator'
import { entitlementsDocument } from '../../src/core/documents'

/**
 * Issue 19: the body had no deadline but Node's 300 s `requestTimeout`, and toNodeHandler read
 * the whole body before checking method, content type and identity. Over real HTTP, in both
 * Node adapters (the options fast path and a Fetch handler behind toNodeHandler).
 */
const KEY = 'order-suite-key'
const BODY_TIMEOUT_MS = 300
let emulator: RunningEmulator
const servers: Server[] = []
let identifyCalls = 0

beforeAll(async () => {
  emulator = await startEmulator({ apiKey: KEY })
})
afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections()
    server.close()
  }
  await emulator.close()
})

async function serve(fetchAdapter: boolean): Promise<number> {
  const options: StiggProxyOptions = {
    apiKey: KEY,
    upstreamUrl: emulator.url,
    identify: (request) => {
      identifyCalls++
      const match = /session=([^;]+)/.exec(request.headers.get('cookie') ?? '')
      return match ? { customerId: match[1]! } : null
    },
    limits: { bodyTimeoutMs: BODY_TIMEOUT_MS },
  }
  const handler = toNodeHandler(fetchAdapter ? createStiggProxy(options) : options)
  const server = createServer((req, res) => handler(req, res))
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return (server.address() as AddressInfo).port
}

/** Sends the headers and `sent` of a body announced as `announced` bytes, then waits for the answer without sending the rest. */
function partial(port: number, headers: Record<string, string>, sent: string, announced = 1000): Promise<{ status: number; body: string; ms: number; closed: boolean }> {
  const started = performance.now()
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method: 'POST', path: '/', headers: { ...headers, 'content-length': String(announced) } }, (res) => {
      const parts: Buffer[] = []
      res.on('data', (part: Buffer) => parts.push(part))
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(parts).toString('utf8'), ms: performance.now() - started, closed: res.headers.connection === 'close' })
        req.destroy()
      })
    })
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'ECONNRESET' && error.code !== 'EPIPE') reject(error)
    })
    req.write(sent)
    req.flushHeaders()
  })
}

describe.each([false, true])('Fetch adapter: %s', (fetchAdapter) => {
  it('a body that never finishes is answered 408 REQUEST_TIMEOUT at limits.bodyTimeoutMs, connection closed', async () => {
    const port = await serve(fetchAdapter)
    const answer = await partial(port, { 'content-type': 'application/json', cookie: 'session=customer-pro' }, '{"query":"{ __typ')
    expect(answer.status).toBe(408)
    expect(JSON.parse(answer.body)).toMatchObject({ errors: [{ extensions: { code: 'REQUEST_TIMEOUT' } }] })
    expect(answer.ms).toBeGreaterThanOrEqual(BODY_TIMEOUT_MS - 20)
    expect(answer.ms).toBeLessThan(BODY_TIMEOUT_MS + 2_000)
    expect(answer.closed).toBe(true)
  })

  it.each([
    ['wrong content type', { 'content-type': 'text/plain', cookie: 'session=customer-pro' }, 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['nobody signed in', { 'content-type': 'application/json' }, 401, 'UNAUTHENTICATED'],
  ] as const)('%s: refused from the headers before any body byte arrives', async (_name, headers, status, code) => {
    const port = await serve(fetchAdapter)
    const answer = await partial(port, headers, '')
    expect(answer.status).toBe(status)
    expect(JSON.parse(answer.body)).toMatchObject({ errors: [{ extensions: { code } }] })
    // Long before the body deadline: nothing waited for the body.
    expect(answer.ms).toBeLessThan(BODY_TIMEOUT_MS)
    expect(answer.closed).toBe(true)
  })

  it('a complete request is still served, its connection kept', async () => {
    const port = await serve(fetchAdapter)
    const body = JSON.stringify({ query: entitlementsDocument(1), variables: { customerId: 'customer-pro', f0: 'feature-sso' } })
    const before = identifyCalls
    const answer = await partial(port, { 'content-type': 'application/json', cookie: 'session=customer-pro' }, body, Buffer.byteLength(body))
    expect(answer.status).toBe(200)
    expect(answer.closed).toBe(false)
    expect(identifyCalls).toBe(before + 1)
  })
})
