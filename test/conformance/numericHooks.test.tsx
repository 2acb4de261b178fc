import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { QueryClient } from '@tanstack/react-query'
import { renderHook, waitFor } from '@testing-library/react'
import type { ReactNode } from 'react'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { StiggProvider, useEntitlement } from 'react-stigg'
import { startEmulator, type RunningEmulator } from 'react-stigg/emulator'
import { createStiggProxy, toNodeHandler, type StiggDialectName } from 'react-stigg/server'

// Numeric features (hosted NUMBER without a meter) reach the hooks as their configured value through both dialects.
const dialects: StiggDialectName[] = ['seed', 'stigg']
let upstream: RunningEmulator
const servers: Server[] = []
const urls: Partial<Record<StiggDialectName, string>> = {}

beforeAll(async () => {
  upstream = await startEmulator({ port: 0, host: '127.0.0.1', apiKey: 'secret-key' })
  for (const dialect of dialects) {
    const proxy = createStiggProxy({
      apiKey: 'secret-key',
      upstreamUrl: dialect === 'stigg' ? upstream.hostedUrl : upstream.url,
      dialect,
      identify: (request) => ({ customerId: request.headers.get('x-session-customer') ?? '' }),
    })
    const server = createServer(toNodeHandler(proxy))
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    servers.push(server)
    urls[dialect] = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/stigg`
  }
})

afterAll(async () => {
  for (const server of servers) await new Promise<void>((resolve) => server.close(() => resolve()))
  await upstream.close()
})

function wrapperFor(dialect: StiggDialectName, customerId: string) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  return ({ children }: { children: ReactNode }) => (
    <StiggProvider url={urls[dialect]!} customerId={customerId} queryClient={queryClient} headers={{ 'x-session-customer': customerId }}>
      {children}
    </StiggProvider>
  )
}

describe.each(dialects)("useEntitlement on a numeric feature through dialect '%s'", (dialect) => {
  it.each([
    ['customer-free', { hasAccess: true, value: 5, isUnlimited: false }],
    ['customer-pro', { hasAccess: true, value: 20, isUnlimited: false }],
    ['customer-enterprise', { hasAccess: true, value: null, isUnlimited: true }],
    ['customer-paused', { hasAccess: false, value: null, isUnlimited: false }],
  ])('%s', async (customerId, expected) => {
    const { result } = renderHook(() => useEntitlement('feature-projects'), { wrapper: wrapperFor(dialect, customerId) })
    await waitFor(() => expect(result.current.isLoading).toBe(false))
    expect(result.current.entitlement).toMatchObject({ ...expected, usageLimit: null, remaining: null, isFallback: false, feature: { featureType: 'NUMERIC', units: 'project' } })
  })
})
