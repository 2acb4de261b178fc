import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { QueryClient } from '@tanstack/react-query'
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { StiggProvider, useEntitlement, useReportUsage } from 'react-stigg'
import { startEmulator, type RunningEmulator } from 'react-stigg/emulator'
import { createStiggProxy, toNodeHandler } from 'react-stigg/server'

const featureIds = Array.from({ length: 10 }, (_, i) => `feature-${i}`)
const catalog = {
  features: featureIds.map((id) => ({ id, displayName: id, type: 'metered' as const, resetPeriod: 'MONTHLY' as const })),
  plans: [{ id: 'plan-all', name: 'All', limits: Object.fromEntries(featureIds.map((id) => [id, 100])) }],
  defaultPlanId: 'plan-all',
}

let upstream: RunningEmulator
let proxyServer: Server
let proxyUrl: string
let proxyHits = 0

beforeAll(async () => {
  upstream = await startEmulator({ port: 0, host: '127.0.0.1', apiKey: 'secret-key', catalog, seed: false })
  const proxy = createStiggProxy({
    apiKey: 'secret-key',
    upstreamUrl: upstream.url,
    // The app's session lookup; here the signed-in customer rides in a header.
    identify: (request) => {
      const customerId = request.headers.get('x-session-customer')
      return customerId ? { customerId } : null
    },
    allow: { reportUsage: { maxValue: 100 } },
  })
  const handler = toNodeHandler(proxy)
  proxyServer = createServer((req, res) => {
    proxyHits++
    handler(req, res)
  })
  await new Promise<void>((resolve) => proxyServer.listen(0, '127.0.0.1', resolve))
  proxyUrl = `http://127.0.0.1:${(proxyServer.address() as AddressInfo).port}/api/stigg`
})

afterAll(async () => {
  await new Promise<void>((resolve, reject) => proxyServer.close((error) => (error ? reject(error) : resolve())))
  await upstream.close()
})

beforeEach(() => {
  upstream.emulator.admin.reset()
  upstream.emulator.admin.addCustomer({ customerId: 'customer-a', usage: Object.fromEntries(featureIds.map((id) => [id, 10])) })
  proxyHits = 0
})

function Gate({ featureId }: { featureId: string }) {
  const { entitlement, isLoading, error } = useEntitlement(featureId)
  return <li>{isLoading ? 'loading' : error ? `${featureId} ${error.code} ${error.status}` : `${featureId} ${entitlement?.currentUsage}`}</li>
}

function Report() {
  const report = useReportUsage()
  return <button onClick={() => report.mutate({ featureId: 'feature-3', value: 5 })}>report</button>
}

function app(customerId: string, session: string) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } })
  return (
    <StiggProvider url={proxyUrl} customerId={customerId} queryClient={queryClient} headers={{ 'x-session-customer': session }}>
      <ul>{[...featureIds, ...featureIds].map((id, i) => <Gate key={i} featureId={id} />)}</ul>
      <Report />
    </StiggProvider>
  )
}

describe('through createStiggProxy over real HTTP', () => {
  it('loads 20 consumers over 10 features with one request, and reports usage', async () => {
    render(app('customer-a', 'customer-a'))
    // Generous waits: CI machines are shared, and these go through two real HTTP hops.
    expect(await screen.findAllByText('feature-3 10', {}, { timeout: 5000 })).toHaveLength(2)
    expect(screen.getAllByText(/^feature-\d 10$/)).toHaveLength(20)
    expect(proxyHits).toBe(1)
    expect(upstream.emulator.requests).toHaveLength(1)

    fireEvent.click(screen.getByText('report'))
    await waitFor(() => expect(screen.getAllByText('feature-3 15')).toHaveLength(2), { timeout: 5000 })
    await waitFor(() => expect(upstream.emulator.admin.getUsage('customer-a', 'feature-3')).toBe(15))
    const report = upstream.emulator.requests.find((r) => r.operationName === 'StiggReportUsage')
    expect(report?.headers['x-api-key']).toBe('secret-key')
    expect((report?.variables as { input: { idempotencyKey?: string } }).input.idempotencyKey).toMatch(/\S{16,}/)
  })

  it("surfaces the proxy's 403 for another customer's data as a StiggError, without retrying", async () => {
    render(app('customer-a', 'customer-b'))
    expect(await screen.findAllByText('feature-0 FORBIDDEN 403', {}, { timeout: 5000 })).toHaveLength(2)
    expect(proxyHits).toBe(1)
    expect(upstream.emulator.requests).toHaveLength(0)
  })
})
