// The two transports of <StiggProvider>: `url` (built-in fetch) and `client` (the app's
// graphql-request GraphQLClient) must turn the same wire answers into the same results. Every
// case runs over a real HTTP server on 127.0.0.1 that answers exactly what the case scripts.
// (The whole hooks and components suite also runs over the client: project `dom-graphql-request`.)
import { QueryClient } from '@tanstack/react-query'
import { render, renderHook, screen, waitFor } from '@testing-library/react'
import { GraphQLClient } from 'graphql-request'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { ReactNode } from 'react'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { reportUsage, StiggError, StiggProvider, useEntitlements, useStigg, type StiggProviderProps } from 'react-stigg'

type Script = (body: { query: string; variables: Record<string, unknown> }, req: IncomingMessage, res: ServerResponse) => void
let script: Script = (_body, _req, res) => res.writeHead(500).end()
const seen: Array<{ accept: string | undefined; session: string | undefined; body: { query: string; variables: Record<string, unknown> } }> = []
let url = ''
const server = createServer((req, res) => {
  let text = ''
  req.on('data', (chunk: Buffer) => (text += chunk))
  req.on('end', () => {
    const body = JSON.parse(text) as { query: string; variables: Record<string, unknown> }
    seen.push({ accept: req.headers.accept, session: req.headers['x-session'] as string | undefined, body })
    script(body, req, res)
  })
})
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/stigg`
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) =>
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body))
const granted = (featureId: string) => ({
  featureId,
  isGranted: true,
  usageLimit: null,
  currentUsage: 0,
  resetPeriod: null,
  accessDeniedReason: null,
  usagePeriodEnd: null,
  feature: null,
  value: 20,
})

const transports = {
  fetch: (): Partial<StiggProviderProps> => ({ url }),
  'graphql-request': (): Partial<StiggProviderProps> => ({ client: new GraphQLClient(url) }),
}

describe.each(Object.keys(transports) as Array<keyof typeof transports>)('over the %s transport', (transport) => {
  function wrapper({ children }: { children: ReactNode }) {
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } })
    return (
      <StiggProvider {...transports[transport]()} customerId="c-1" queryClient={queryClient} headers={{ 'x-session': 'c-1' }}>
        {children}
      </StiggProvider>
    )
  }
  const client = () => renderHook(() => useStigg(), { wrapper }).result.current.client

  it('keeps per-feature errors per feature next to partial data, and sends the provider headers', async () => {
    script = (_body, _req, res) =>
      json(res, 200, { data: { e0: granted('feature-a'), e1: null }, errors: [{ message: 'boom', path: ['e1'], extensions: { code: 'INTERNAL' } }] })
    const { result } = renderHook(() => useEntitlements(['feature-a', 'feature-b']), { wrapper })
    await waitFor(() => expect(result.current.isLoading).toBe(false))
    expect(result.current.entitlements['feature-a']).toMatchObject({ hasAccess: true, value: 20 })
    expect(result.current.entitlements['feature-b']).toBeUndefined()
    expect(result.current.error).toMatchObject({ code: 'INTERNAL', status: 200 })
    expect(seen.at(-1)).toMatchObject({ session: 'c-1', body: { variables: { customerId: 'c-1', f0: 'feature-a', f1: 'feature-b' } } })
  })

  it('maps a 429 with Retry-After to a retryable StiggError carrying retryAfterMs', async () => {
    script = (_body, _req, res) => json(res, 429, { errors: [{ message: 'slow down', extensions: { code: 'RATE_LIMITED' } }] }, { 'retry-after': '2' })
    const error = await client().getEntitlements('c-1', ['feature-a']).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(StiggError)
    expect(error).toMatchObject({ code: 'RATE_LIMITED', status: 429, retryable: true, retryAfterMs: 2000 })
  })

  it.each([
    [401, 'HTTP_401', false],
    [503, 'HTTP_503', true],
  ])('maps a non-GraphQL %i to %s (retryable: %s)', async (status, code, retryable) => {
    script = (_body, _req, res) => res.writeHead(status, { 'content-type': 'text/html' }).end('<h1>nope</h1>')
    await expect(client().getEntitlements('c-1', ['feature-a'])).rejects.toMatchObject({ code, status, retryable })
  })

  it('maps a 2xx body that is not GraphQL JSON to BAD_RESPONSE', async () => {
    script = (_body, _req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"data": {"e0": tru')
    await expect(client().getEntitlements('c-1', ['feature-a'])).rejects.toMatchObject({ code: 'BAD_RESPONSE' })
  })

  it('rejects with ABORTED when the signal aborts, and NETWORK_ERROR when the connection drops', async () => {
    script = () => undefined // never answers
    const controller = new AbortController()
    const pending = client().getEntitlements('c-1', ['feature-a'], { signal: controller.signal })
    setTimeout(() => controller.abort(), 20)
    await expect(pending).rejects.toMatchObject({ code: 'ABORTED', retryable: false })
    script = (_body, req) => req.socket.destroy()
    await expect(client().getEntitlements('c-1', ['feature-a'])).rejects.toMatchObject({ code: 'NETWORK_ERROR', retryable: true })
  })

  it('sends a usage report with one idempotency key, reused when the first answer is lost', async () => {
    let calls = 0
    script = (body, req, res) => {
      if (++calls === 1) {
        req.socket.destroy()
        return
      }
      const input = body.variables['input'] as { featureId: string }
      json(res, 200, { data: { reportUsage: { id: 'u1', customerId: 'c-1', featureId: input.featureId, currentUsage: 3, usagePeriodEnd: null, timestamp: 'now' } } })
    }
    const stigg = client()
    const key = 'report-1'
    await expect(reportUsage(stigg, 'c-1', { featureId: 'feature-a', value: 1, idempotencyKey: key })).rejects.toMatchObject({ code: 'NETWORK_ERROR' })
    await expect(reportUsage(stigg, 'c-1', { featureId: 'feature-a', value: 1, idempotencyKey: key })).resolves.toMatchObject({ currentUsage: 3 })
    expect(seen.slice(-2).map(({ body }) => (body.variables['input'] as { idempotencyKey: string }).idempotencyKey)).toEqual([key, key])
  })
})

describe('StiggProvider client', () => {
  it.each([[{}], ['http://not-a-client'], [{ request: 'nope' }]])('throws a development error naming the prop for %j', (bad) => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    expect(() => render(<StiggProvider client={bad as never} customerId="c-1" />)).toThrow(
      /`<StiggProvider client>` must be a graphql-request GraphQLClient/,
    )
    spy.mockRestore()
  })

  it('really sends through the GraphQLClient: its middleware sees the request', async () => {
    script = (_body, _req, res) => json(res, 200, { data: { e0: granted('feature-a') } })
    const operations: string[] = []
    const gql = new GraphQLClient(url, { requestMiddleware: (request) => (operations.push(request.operationName ?? ''), request) })
    function Probe() {
      const { hasAccess } = useEntitlements(['feature-a'])
      return <p>{hasAccess ? 'on' : 'off'}</p>
    }
    render(
      <StiggProvider client={gql} customerId="c-1" queryClient={new QueryClient()}>
        <Probe />
      </StiggProvider>,
    )
    expect(await screen.findByText('on')).toBeInTheDocument()
    expect(operations).toEqual(['StiggEntitlements'])
    // graphql-request's own Accept header arrived: the request did not take the built-in path.
    expect(seen.at(-1)?.accept).toMatch(/application\/graphql-response\+json/)
  })
})

describe('the dom-graphql-request project', () => {
  it('routes a url-only provider through a GraphQLClient there, and through fetch in the dom project', async () => {
    script = (_body, _req, res) => json(res, 200, { data: { e0: granted('feature-a') } })
    await renderHook(() => useStigg(), {
      wrapper: ({ children }) => (
        <StiggProvider url={url} customerId="c-1" queryClient={new QueryClient()}>
          {children}
        </StiggProvider>
      ),
    }).result.current.client.getEntitlements('c-1', ['feature-a'])
    const viaClient = (globalThis as { stiggTestTransport?: string }).stiggTestTransport === 'graphql-request'
    expect(/graphql-response/.test(seen.at(-1)?.accept ?? '')).toBe(viaClient)
  })
})
