import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createStiggClient, reportUsage, StiggError, type EntitlementData } from 'react-stigg'

const url = 'http://stigg.test/api/stigg'

/** A client whose every request gets this answer; `seen` records what was sent. */
function answering(response: () => Response) {
  const seen: Request[] = []
  const client = createStiggClient({
    url,
    headers: { authorization: 'Bearer t', 'content-type': 'text/plain' },
    fetch: async (input, init) => {
      seen.push(new Request(input, init))
      return response()
    },
  })
  return { client, seen }
}

const failure = (promise: Promise<unknown>) => promise.then(() => expect.unreachable('resolved'), (error: unknown) => error as StiggError)

afterEach(() => {
  vi.unstubAllEnvs()
})

describe('the fetch transport (GraphQL over HTTP, no GraphQL library)', () => {
  it('POSTs JSON {query, variables, operationName} with the caller headers and its own content type', async () => {
    const { client, seen } = answering(() => Response.json({ data: { customerSubscriptions: [] } }))
    await client.getSubscriptions('customer-1')
    const request = seen[0] as Request
    expect(request.method).toBe('POST')
    expect(request.url).toBe(url)
    expect(request.headers.get('content-type')).toBe('application/json')
    expect(request.headers.get('authorization')).toBe('Bearer t')
    const body = (await request.json()) as { query: string; variables: unknown; operationName: string }
    expect(body.operationName).toBe('StiggSubscriptions')
    expect(body.query).toMatch(/^query StiggSubscriptions\(/)
    expect(body.variables).toEqual({ customerId: 'customer-1' })
  })

  it('leaves an omitted idempotency key out of the body', async () => {
    const measurement = { id: 'u1', customerId: 'c', featureId: 'f', currentUsage: 1, usagePeriodEnd: null, timestamp: 'now' }
    const { client, seen } = answering(() => Response.json({ data: { reportUsage: measurement } }))
    await reportUsage(client, 'c', { featureId: 'f', value: 1 })
    const body = (await (seen[0] as Request).json()) as { variables: { input: Record<string, unknown> } }
    expect(body.variables.input).toEqual({ customerId: 'c', featureId: 'f', value: 1 })
  })

  it('maps a 200 whose body is not JSON, or JSON that is not GraphQL, to BAD_RESPONSE with status 200', async () => {
    const truncated = answering(() => new Response('{"data": {"e0": {"isGranted": tru', { status: 200 }))
    expect(await failure(truncated.client.getSubscriptions('c'))).toMatchObject({ code: 'BAD_RESPONSE', status: 200, retryable: false })
    const notGraphQL = answering(() => Response.json({ hello: 'world' }))
    expect(await failure(notGraphQL.client.getSubscriptions('c'))).toMatchObject({ code: 'BAD_RESPONSE', status: 200 })
  })

  it('maps an HTML 500 to a retryable HTTP_500 and reads Retry-After as an HTTP date', async () => {
    const down = answering(() => new Response('<h1>down</h1>', { status: 500, headers: { 'content-type': 'text/html' } }))
    expect(await failure(down.client.getSubscriptions('c'))).toMatchObject({ code: 'HTTP_500', status: 500, retryable: true, graphQLErrors: [] })
    const later = new Date(Date.now() + 60_000).toUTCString()
    const busy = answering(() => Response.json({ message: 'slow down' }, { status: 429, headers: { 'retry-after': later } }))
    const error = await failure(busy.client.getSubscriptions('c'))
    expect(error).toMatchObject({ code: 'HTTP_429', status: 429, retryable: true })
    expect(error.retryAfterMs).toBeGreaterThan(50_000)
    expect(error.retryAfterMs).toBeLessThanOrEqual(60_000)
  })

  it('ignores junk entries in errors instead of crashing on them', async () => {
    const granted: EntitlementData = {
      featureId: 'feature-b',
      isGranted: true,
      usageLimit: null,
      currentUsage: 0,
      resetPeriod: null,
      accessDeniedReason: null,
      usagePeriodEnd: null,
      feature: null,
    }
    const { client } = answering(() =>
      Response.json({ data: { e0: null, e1: granted }, errors: [null, { message: 'boom', path: ['e0'], extensions: { code: 'INTERNAL' } }] }),
    )
    const results = await client.getEntitlements('c', ['feature-a', 'feature-b'])
    expect(results['feature-a']).toMatchObject({ code: 'INTERNAL', status: 200 })
    expect(results['feature-b']).toEqual(granted)
  })

  it('rejects with ABORTED, not retryable, when the caller aborts', async () => {
    const client = createStiggClient({
      url,
      fetch: (_input, init) =>
        new Promise<Response>((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () => reject(new DOMException('The operation was aborted.', 'AbortError')))
        }),
    })
    const controller = new AbortController()
    const pending = failure(client.getSubscriptions('c', { signal: controller.signal }))
    controller.abort()
    expect(await pending).toMatchObject({ code: 'ABORTED', status: null, retryable: false })
  })

  it('treats a body that breaks off after the headers as a network error with no status', async () => {
    const server = createServer((request, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' })
      response.write('{"data":')
      setTimeout(() => request.socket.destroy(), 20)
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    try {
      const client = createStiggClient({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/stigg` })
      const error = await failure(client.getSubscriptions('c'))
      expect(error).toBeInstanceOf(StiggError)
      expect(error).toMatchObject({ code: 'NETWORK_ERROR', status: null, retryable: true })
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  })

  it('keeps long messages to development builds; production says the code', async () => {
    const { client } = answering(() => new Response('nope', { status: 403 }))
    expect((await failure(client.getSubscriptions('c'))).message).toMatch(/^react-stigg: http:\/\/stigg\.test\/api\/stigg answered 403: nope/)
    vi.stubEnv('NODE_ENV', 'production')
    const error = await failure(client.getSubscriptions('c'))
    expect(error.message).toBe('react-stigg: HTTP_403')
    expect(error).toMatchObject({ code: 'HTTP_403', status: 403 })
  })
})
