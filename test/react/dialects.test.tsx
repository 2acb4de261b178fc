import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { QueryClient } from '@tanstack/react-query'
import { act, renderHook, waitFor } from '@testing-library/react'
import type { ReactNode } from 'react'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { StiggProvider, useEntitlement, useEntitlements, useProvisionCustomer, useReportUsage, useSubscription } from 'react-stigg'
import { startEmulator, type RunningEmulator } from 'react-stigg/emulator'
import { createStiggProxy, toNodeHandler, type StiggDialectName } from 'react-stigg/server'

// One emulator over real HTTP serves both schemas (/graphql and /hosted/graphql); one proxy
// per dialect in front of it. Every scenario runs through both, and the hooks' results are
// kept so the last block can check that they are identical.
const dialects: StiggDialectName[] = ['seed', 'stigg']
const clock = new Date('2026-03-10T12:00:00.000Z')
let upstream: RunningEmulator
const servers: Server[] = []
const proxyUrls: Partial<Record<StiggDialectName, string>> = {}
const seen: Record<StiggDialectName, Record<string, unknown>> = { seed: {}, stigg: {} }

beforeAll(async () => {
  upstream = await startEmulator({ port: 0, host: '127.0.0.1', apiKey: 'secret-key', now: () => clock })
  for (const dialect of dialects) {
    const proxy = createStiggProxy({
      apiKey: 'secret-key',
      upstreamUrl: dialect === 'stigg' ? upstream.hostedUrl : upstream.url,
      dialect,
      identify: (request) => {
        const customerId = request.headers.get('x-session-customer')
        return customerId ? { customerId } : null
      },
      allow: { reportUsage: { maxValue: 100 }, provisionCustomer: { plans: ['plan-pro'], trial: true } },
    })
    const server = createServer(toNodeHandler(proxy))
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    servers.push(server)
    proxyUrls[dialect] = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/stigg`
  }
})

afterAll(async () => {
  for (const server of servers) await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())))
  await upstream.close()
})

beforeEach(() => {
  upstream.emulator.admin.reset()
})

function wrapperFor(dialect: StiggDialectName, customerId: string) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } })
  return ({ children }: { children: ReactNode }) => (
    <StiggProvider url={proxyUrls[dialect]!} customerId={customerId} queryClient={queryClient} headers={{ 'x-session-customer': customerId }}>
      {children}
    </StiggProvider>
  )
}

/** Plain JSON (dates as ISO text) so results from both dialects compare with toEqual. */
const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value))
const upstreamPaths = () => upstream.emulator.requests.map((request) => request.path)

describe.each(dialects)("hooks through createStiggProxy({ dialect: '%s' })", (dialect) => {
  const path = dialect === 'stigg' ? '/hosted/graphql' : '/graphql'

  it('useEntitlements: five features (one unknown) in one upstream request', async () => {
    const ids = ['feature-api-calls', 'feature-seats', 'feature-sso', 'feature-analytics', 'feature-unknown']
    const { result } = renderHook(() => useEntitlements(ids), { wrapper: wrapperFor(dialect, 'customer-pro') })
    await waitFor(() => expect(result.current.isLoading).toBe(false))
    const { entitlements } = result.current
    expect(entitlements['feature-api-calls']).toMatchObject({ hasAccess: true, usageLimit: 10000, currentUsage: 9300, remaining: 700, resetPeriod: 'MONTH' })
    expect(entitlements['feature-api-calls']?.usagePeriodEnd).toBeInstanceOf(Date)
    expect(entitlements['feature-seats']).toMatchObject({ hasAccess: true, usageLimit: 20, resetPeriod: null, feature: { units: 'seat', featureType: 'METERED' } })
    expect(entitlements['feature-sso']).toMatchObject({ hasAccess: false, accessDeniedReason: 'NoFeatureEntitlementInSubscription' })
    expect(entitlements['feature-analytics']).toMatchObject({ hasAccess: true, isUnlimited: false, feature: { featureType: 'BOOLEAN' } })
    expect(entitlements['feature-unknown']).toMatchObject({ hasAccess: false, accessDeniedReason: 'FeatureNotFound' })
    expect(upstreamPaths()).toEqual([path])
    seen[dialect]['useEntitlements'] = plain(entitlements)
  })

  it('useEntitlement: requestedUsage, unlimited usage and an unknown customer', async () => {
    const limited = renderHook(() => [useEntitlement('feature-api-calls', { requestedUsage: 701 }), useEntitlement('feature-api-calls', { requestedUsage: 700 })], {
      wrapper: wrapperFor(dialect, 'customer-pro'),
    })
    await waitFor(() => expect(limited.result.current[0]?.isLoading).toBe(false))
    expect(limited.result.current.map((r) => r.hasAccess)).toEqual([false, true])
    const unlimited = renderHook(() => useEntitlement('feature-api-calls'), { wrapper: wrapperFor(dialect, 'customer-enterprise') })
    await waitFor(() => expect(unlimited.result.current.isLoading).toBe(false))
    expect(unlimited.result.current.entitlement).toMatchObject({ hasAccess: true, isUnlimited: true, usageLimit: null, remaining: null })
    const nobody = renderHook(() => useEntitlement('feature-sso'), { wrapper: wrapperFor(dialect, 'customer-nobody') })
    await waitFor(() => expect(nobody.result.current.isLoading).toBe(false))
    expect(nobody.result.current.entitlement).toMatchObject({ hasAccess: false, accessDeniedReason: 'CustomerNotFound' })
    seen[dialect]['useEntitlement'] = plain([limited.result.current.map((r) => r.entitlement), unlimited.result.current.entitlement, nobody.result.current.entitlement])
  })

  it.each(['customer-trial', 'customer-paused', 'customer-canceled'])('useSubscription for %s', async (customerId) => {
    const { result } = renderHook(() => useSubscription(), { wrapper: wrapperFor(dialect, customerId) })
    await waitFor(() => expect(result.current.isLoading).toBe(false))
    expect(result.current.error).toBeNull()
    expect(result.current.plan).toEqual({ id: 'plan-pro', name: 'Pro', description: 'For growing teams' })
    expect(result.current.status).toBe({ 'customer-trial': 'TRIAL', 'customer-paused': 'PAUSED', 'customer-canceled': 'CANCELED' }[customerId])
    seen[dialect][`useSubscription ${customerId}`] = plain(result.current.subscription)
  })

  it('useReportUsage: the report lands once and the entitlement follows', async () => {
    const { result } = renderHook(() => ({ report: useReportUsage(), gate: useEntitlement('feature-api-calls') }), {
      wrapper: wrapperFor(dialect, 'customer-free'),
    })
    await waitFor(() => expect(result.current.gate.isLoading).toBe(false))
    let measurement: unknown
    await act(async () => {
      measurement = await result.current.report.mutateAsync({ featureId: 'feature-api-calls', value: 5 })
    })
    expect(measurement).toMatchObject({ customerId: 'customer-free', featureId: 'feature-api-calls', currentUsage: 125 })
    await waitFor(() => expect(result.current.gate.entitlement?.currentUsage).toBe(125))
    expect(upstream.emulator.admin.getUsage('customer-free', 'feature-api-calls')).toBe(125)
    const report = upstream.emulator.requests.find((request) => request.operationName === 'StiggReportUsage')
    expect(report?.path).toBe(path)
    // Hosted ReportUsageInput has no idempotencyKey (Stigg's published clients): the 'stigg' dialect does not send it.
    const sentKey = (report?.variables as Record<string, { idempotencyKey?: string }>)[dialect === 'stigg' ? 'v0' : 'input']?.idempotencyKey
    if (dialect === 'stigg') expect(sentKey).toBeUndefined()
    else expect(sentKey).toMatch(/\S{16,}/)
    const { id: _random, ...rest } = measurement as { id: string }
    seen[dialect]['useReportUsage'] = plain([rest, result.current.gate.entitlement])
  })

  it('useProvisionCustomer: a new customer on a trial, then its subscription', async () => {
    const { result } = renderHook(() => ({ provision: useProvisionCustomer(), subscription: useSubscription() }), {
      wrapper: wrapperFor(dialect, 'customer-signup'),
    })
    let provisioned: unknown
    await act(async () => {
      provisioned = await result.current.provision.mutateAsync({
        name: 'Sign Up Co',
        email: 'a@signup.example',
        subscriptionParams: { planId: 'plan-pro', status: 'TRIAL', trialEndDate: '2026-03-24T12:00:00.000Z' },
      })
    })
    expect(provisioned).toMatchObject({
      customer: { id: 'customer-signup', name: 'Sign Up Co', email: 'a@signup.example' },
      subscription: { status: 'TRIAL', plan: { id: 'plan-pro', name: 'Pro' }, trialEndDate: '2026-03-24T12:00:00.000Z' },
    })
    await waitFor(() => expect(result.current.subscription.status).toBe('TRIAL'))
    seen[dialect]['useProvisionCustomer'] = plain([provisioned, result.current.subscription.subscription])
  })
})

describe('both dialects', () => {
  it('gave the hooks identical results', () => {
    expect(Object.keys(seen.stigg).sort()).toEqual(Object.keys(seen.seed).sort())
    expect(Object.keys(seen.seed)).toHaveLength(7)
    expect(seen.stigg).toEqual(seen.seed)
  })
})
