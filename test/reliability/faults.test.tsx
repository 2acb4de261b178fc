import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { QueryClient } from '@tanstack/react-query'
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { FeatureGate, StiggError, StiggProvider, stiggKeys, useEntitlement, useReportUsage, useStigg } from 'react-stigg'
import { startEmulator, type RunningEmulator } from 'react-stigg/emulator'
import { createStiggProxy, toNodeHandler } from 'react-stigg/server'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { startFaultServer, type FaultMode, type FaultServer } from './faultServer'

const KEY = 'faults-key'
const CUSTOMER = 'customer-pro'

let upstream: RunningEmulator
let upstreamHop: FaultServer // proxy → emulator
let proxyServer: Server
let browserHop: FaultServer // browser → proxy
const unhandled = vi.fn()

beforeAll(async () => {
  process.on('unhandledRejection', unhandled)
  upstream = await startEmulator({ apiKey: KEY })
  upstreamHop = await startFaultServer(upstream.url)
  const proxy = createStiggProxy({
    apiKey: KEY,
    upstreamUrl: upstreamHop.url,
    identify: () => ({ customerId: CUSTOMER }),
    allow: { reportUsage: { maxValue: 100 } },
    timeoutMs: 400,
  })
  proxyServer = createServer(toNodeHandler(proxy))
  await new Promise<void>((resolve) => proxyServer.listen(0, '127.0.0.1', resolve))
  browserHop = await startFaultServer(`http://127.0.0.1:${(proxyServer.address() as AddressInfo).port}/api/stigg`)
})

afterEach(() => {
  browserHop.setMode('pass')
  upstreamHop.setMode('pass')
  browserHop.dropStuck()
  upstreamHop.dropStuck()
  upstream.emulator.admin.reset()
  expect(unhandled).not.toHaveBeenCalled()
})

afterAll(async () => {
  process.off('unhandledRejection', unhandled)
  await browserHop.close()
  await new Promise<void>((resolve) => proxyServer.close(() => resolve()))
  await upstreamHop.close()
  await upstream.close()
})

function Screen() {
  const calls = useEntitlement('feature-api-calls', { fallback: { hasAccess: true, usageLimit: 10, currentUsage: 0 } })
  const report = useReportUsage()
  const { invalidate } = useStigg()
  const state = calls.isLoading ? 'loading' : calls.isError ? 'error' : 'ok'
  return (
    <div>
      <output data-testid="state">{state}</output>
      <output data-testid="usage">{calls.entitlement?.isFallback ? 'fallback' : String(calls.entitlement?.currentUsage ?? '')}</output>
      <output data-testid="error">{calls.error instanceof StiggError ? `${calls.error.code} ${calls.error.status}` : ''}</output>
      <output data-testid="report">{report.isError ? `failed ${report.error instanceof StiggError}` : report.isSuccess ? 'reported' : ''}</output>
      <button onClick={() => void invalidate()}>invalidate</button>
      <button onClick={() => report.mutate({ featureId: 'feature-api-calls', value: 1 })}>report</button>
      <FeatureGate featureId="feature-analytics" fallback={<span>analytics closed</span>} loading={<span>analytics loading</span>}>
        <span>analytics open</span>
      </FeatureGate>
      <FeatureGate featureId="feature-sso" fallback={<span>sso closed</span>} error={<span>sso unavailable</span>}>
        <span>sso open</span>
      </FeatureGate>
      <FeatureGate featureId="feature-seats" fallback={<span>seats closed</span>}>
        <span>seats open</span>
      </FeatureGate>
    </div>
  )
}

function mount() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } })
  const onError = vi.fn()
  render(
    <StiggProvider
      url={browserHop.url}
      customerId={CUSTOMER}
      queryClient={queryClient}
      fallbackEntitlements={{ 'feature-seats': { hasAccess: true } }}
      onError={onError}
    >
      <Screen />
    </StiggProvider>,
  )
  return { onError, queryClient }
}

const text = (id: string) => screen.getByTestId(id).textContent

async function expectHealthy(usage: number) {
  await waitFor(() => expect(text('usage')).toBe(String(usage)))
  expect(text('state')).toBe('ok')
  expect(screen.getByText('analytics open')).toBeTruthy()
  expect(screen.getByText('sso closed')).toBeTruthy() // pro has no SSO: a real "denied", not an error
  expect(screen.getByText('seats open')).toBeTruthy()
}

async function expectDegraded(code: string, status: number | null) {
  await waitFor(() => expect(text('state')).toBe('error'), { timeout: 5_000 })
  expect(text('error')).toBe(`${code} ${status}`)
  expect(text('usage')).toBe('fallback') // the hook's fallback stands in, marked as such
  expect(screen.getByText('analytics closed')).toBeTruthy() // default error policy: fail closed
  expect(screen.getByText('sso unavailable')).toBeTruthy() // explicit error slot
  expect(screen.getByText('seats open')).toBeTruthy() // a granting fallback entitlement opens the gate
}

async function recover() {
  browserHop.setMode('pass')
  upstreamHop.setMode('pass')
  upstream.emulator.admin.setUsage(CUSTOMER, 'feature-api-calls', 4242)
  await act(async () => fireEvent.click(screen.getByText('invalidate')))
  await expectHealthy(4242)
}

// What the browser sees for each fault: the proxy maps upstream faults to 5xx/429 answers;
// faults in front of the proxy reach the client as they are.
const cases: Array<{ hop: 'browser' | 'upstream'; mode: FaultMode; code: string; status: number | null }> = [
  { hop: 'upstream', mode: 'status500', code: 'UPSTREAM_ERROR', status: 502 },
  { hop: 'upstream', mode: 'status429', code: 'RATE_LIMITED', status: 429 },
  { hop: 'upstream', mode: 'reset', code: 'UPSTREAM_UNAVAILABLE', status: 502 },
  { hop: 'upstream', mode: 'garbage', code: 'UPSTREAM_BAD_RESPONSE', status: 502 },
  { hop: 'upstream', mode: 'hang', code: 'UPSTREAM_TIMEOUT', status: 504 },
  { hop: 'upstream', mode: 'drip', code: 'UPSTREAM_TIMEOUT', status: 504 },
  { hop: 'browser', mode: 'status500', code: 'HTTP_500', status: 500 },
  { hop: 'browser', mode: 'status429', code: 'HTTP_429', status: 429 },
  { hop: 'browser', mode: 'reset', code: 'NETWORK_ERROR', status: null },
  { hop: 'browser', mode: 'garbage', code: 'BAD_RESPONSE', status: 200 },
]

// Each case waits for a fault, the client's retries, then recovery (about 1 s alone); the limit
// leaves room for a shared CPU without letting a real hang through.
describe('faults between browser, proxy and upstream', { timeout: 15_000 }, () => {
  it.each(cases)('$hop hop $mode → StiggError $code $status, fallbacks and gate policies, then recovery', async ({ hop, mode, code, status }) => {
    const { onError, queryClient } = mount()
    await expectHealthy(9300)

    ;(hop === 'browser' ? browserHop : upstreamHop).setMode(mode)
    await act(async () => fireEvent.click(screen.getByText('invalidate')))
    await expectDegraded(code, status)
    expect(onError).toHaveBeenCalled()
    expect(onError.mock.calls.every(([error]) => error instanceof StiggError)).toBe(true)

    // A usage report during the fault fails visibly and rolls back its optimistic update.
    await act(async () => fireEvent.click(screen.getByText('report')))
    await waitFor(() => expect(text('report')).toBe('failed true'), { timeout: 5_000 })
    const cached = queryClient.getQueryData<{ currentUsage: number }>(stiggKeys.entitlement(CUSTOMER, 'feature-api-calls'))
    expect(cached?.currentUsage).toBe(9300)
    // Only the upstream drip forwards: the report landed and just its answer was lost (the
    // idempotency key makes a retry of it count once; see usageLedger.test.ts).
    const landed = hop === 'upstream' && mode === 'drip' ? 1 : 0
    expect(upstream.emulator.admin.getUsage(CUSTOMER, 'feature-api-calls')).toBe(9300 + landed)

    await recover()
  })

  it.each(['hang', 'drip'] as const)('browser hop %s: the last known answer stays until the connection drops, then the error policies, then recovery', async (mode) => {
    mount()
    await expectHealthy(9300)
    browserHop.setMode(mode)
    const before = browserHop.hits()
    await act(async () => fireEvent.click(screen.getByText('invalidate')))
    // Still waiting on the stuck hop: previous data kept, no error invented.
    await waitFor(() => expect(browserHop.held()).toBe(1))
    expect(browserHop.hits()).toBe(before + 1)
    expect(text('state')).toBe('ok')
    expect(screen.getByText('analytics open')).toBeTruthy()

    browserHop.dropStuck()
    await waitFor(() => expect(text('state')).toBe('error'), { timeout: 5_000 })
    expect(text('error')).toBe('NETWORK_ERROR null')
    await recover()
  })

  it('a first load against a dead upstream shows loading, then the error policies, never the children', async () => {
    upstreamHop.setMode('reset')
    mount()
    expect(screen.getByText('analytics loading')).toBeTruthy()
    expect(screen.queryByText('analytics open')).toBeNull()
    await expectDegraded('UPSTREAM_UNAVAILABLE', 502)
    await recover()
  })
})
