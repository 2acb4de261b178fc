// Resource-scoped entitlements (Stigg's resourceId: a workspace, a project) end to end over real
// HTTP: the hooks cache per resource and send it, the proxy pins it to what identify() returned
// (403 otherwise, nothing forwarded), the emulator counts usage per resource (seed @extension),
// and the 'stigg' dialect forwards it to hosted Stigg's resourceId.
import { QueryClient } from '@tanstack/react-query'
import { renderHook, waitFor } from '@testing-library/react'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { ReactNode } from 'react'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { StiggProvider, stiggKeys, useEntitlement, type StiggProviderProps } from 'react-stigg'
import { startEmulator, type RunningEmulator } from 'react-stigg/emulator'
import { createStiggServer, toNodeHandler, type StiggDialectName } from 'react-stigg/server'

let upstream: RunningEmulator
const servers: Server[] = []
const proxyUrls: Partial<Record<StiggDialectName, string>> = {}
const forwarded: string[] = []

beforeAll(async () => {
  upstream = await startEmulator({ port: 0, host: '127.0.0.1', apiKey: 'secret-key' })
  for (const dialect of ['seed', 'stigg'] as const) {
    const stigg = createStiggServer({
      apiKey: 'secret-key',
      upstreamUrl: dialect === 'stigg' ? upstream.hostedUrl : upstream.url,
      dialect,
      // The session names the customer and, when the user is inside one, the workspace.
      identify: (request) => {
        const customerId = request.headers.get('x-session-customer')
        const resourceId = request.headers.get('x-session-workspace')
        return customerId ? { customerId, resourceId } : null
      },
      // Records what reached the upstream, to prove refusals forward nothing.
      fetch: async (request) => {
        forwarded.push(await request.clone().text())
        return fetch(request)
      },
    })
    const server = createServer(toNodeHandler(stigg.proxy))
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    servers.push(server)
    proxyUrls[dialect] = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/stigg`
  }
})
afterAll(async () => {
  for (const server of servers) await new Promise<void>((resolve) => server.close(() => resolve()))
  await upstream.close()
})
beforeEach(() => {
  upstream.emulator.admin.reset()
  forwarded.length = 0
})

/** Usage reported straight to the emulator (seed contract, with its resourceId @extension). */
async function reportUsage(resourceId: string | null, value: number) {
  const response = await fetch(upstream.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': 'secret-key' },
    body: JSON.stringify({
      query: 'mutation($input:ReportUsageInput!){reportUsage(input:$input){currentUsage}}',
      variables: { input: { customerId: 'customer-pro', featureId: 'feature-api-calls', value, resourceId } },
    }),
  })
  expect(await response.json()).not.toHaveProperty('errors')
}

function setup(dialect: StiggDialectName, workspace: string | null, props: Partial<StiggProviderProps> = {}) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  const headers: Record<string, string> = { 'x-session-customer': 'customer-pro', ...(workspace ? { 'x-session-workspace': workspace } : {}) }
  const wrapper = ({ children }: { children: ReactNode }) => (
    <StiggProvider url={proxyUrls[dialect]!} customerId="customer-pro" queryClient={queryClient} headers={headers} {...props}>
      {children}
    </StiggProvider>
  )
  return { queryClient, wrapper }
}

describe('seed dialect: per-resource usage through the proxy', () => {
  it('reads the identified workspace’s own usage and caches it apart from the unscoped answer', async () => {
    await reportUsage('ws-1', 7)
    await reportUsage(null, 100)
    const { queryClient, wrapper } = setup('seed', 'ws-1', { resourceId: 'ws-1' })
    const { result } = renderHook(() => ({ scoped: useEntitlement('feature-api-calls'), unscoped: useEntitlement('feature-api-calls', { resourceId: null }) }), { wrapper })
    await waitFor(() => expect(result.current.scoped.entitlement && result.current.unscoped.entitlement).toBeTruthy())
    expect(result.current.scoped.entitlement).toMatchObject({ currentUsage: 7, usageLimit: 10000 })
    // customer-pro is seeded with 9,300 unscoped API calls; the workspace's 7 are not among them.
    expect(result.current.unscoped.entitlement).toMatchObject({ currentUsage: 9400 })
    expect(queryClient.getQueryData(stiggKeys.entitlement('customer-pro', 'feature-api-calls', 'ws-1'))).toMatchObject({ currentUsage: 7 })
    expect(queryClient.getQueryData(stiggKeys.entitlement('customer-pro', 'feature-api-calls'))).toMatchObject({ currentUsage: 9400 })
  })

  it.each([
    ['another workspace than identify() returned', 'ws-1', 'ws-2'],
    ['a workspace when identify() returned none', null, 'ws-1'],
  ])('refuses %s with 403 and forwards nothing', async (_name, identified, asked) => {
    const { wrapper } = setup('seed', identified, { resourceId: asked })
    const { result } = renderHook(() => useEntitlement('feature-api-calls'), { wrapper })
    await waitFor(() => expect(result.current.error).not.toBeNull())
    expect(result.current.error).toMatchObject({ status: 403, code: 'FORBIDDEN' })
    expect(forwarded).toEqual([])
  })
})

describe("'stigg' dialect", () => {
  it('forwards the resourceId to hosted Stigg’s entitlement query', async () => {
    const { wrapper } = setup('stigg', 'ws-1', { resourceId: 'ws-1' })
    const { result } = renderHook(() => useEntitlement('feature-api-calls'), { wrapper })
    await waitFor(() => expect(result.current.isLoading).toBe(false))
    const body = JSON.parse(forwarded[0] ?? '{}') as { variables: Record<string, unknown> }
    expect(JSON.stringify(body.variables)).toContain('"resourceId":"ws-1"')
    // The emulator's hosted schema has no customer resources: it answers as hosted Stigg does for an unknown one.
    expect(result.current.entitlement).toMatchObject({ hasAccess: false, accessDeniedReason: 'CustomerResourceNotFound' })
  })
})
