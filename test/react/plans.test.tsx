import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { QueryClient } from '@tanstack/react-query'
import { renderHook, waitFor } from '@testing-library/react'
import type { ReactNode } from 'react'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { StiggProvider, plansQueryKey, useAwaitEntitlement, useEntitlement, usePlans, useSubscription } from 'react-stigg'
import { startEmulator, type RunningEmulator } from 'react-stigg/emulator'
import { createStiggProxy, toNodeHandler, type StiggDialectName } from 'react-stigg/server'

// usePlans and useAwaitEntitlement through the real proxy in both dialects, over real HTTP,
// against one emulator (seed `plans` at /graphql, hosted `paywall` at /hosted/graphql).
const dialects: StiggDialectName[] = ['seed', 'stigg']
let upstream: RunningEmulator
const servers: Server[] = []
const proxyUrls: Partial<Record<StiggDialectName, string>> = {}
const seenPlans: Partial<Record<StiggDialectName, unknown>> = {}

beforeAll(async () => {
  upstream = await startEmulator({ port: 0, host: '127.0.0.1', apiKey: 'secret-key' })
  for (const dialect of dialects) {
    const proxy = createStiggProxy({
      apiKey: 'secret-key',
      upstreamUrl: dialect === 'stigg' ? upstream.hostedUrl : upstream.url,
      dialect,
      identify: (request) => {
        const customerId = request.headers.get('x-session-customer')
        return customerId ? { customerId } : null
      },
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

function wrapperFor(dialect: StiggDialectName, customerId: string, queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } })) {
  return ({ children }: { children: ReactNode }) => (
    <StiggProvider url={proxyUrls[dialect]!} customerId={customerId} queryClient={queryClient} headers={{ 'x-session-customer': customerId }}>
      {children}
    </StiggProvider>
  )
}

const post = (dialect: StiggDialectName, sessionCustomer: string, customerId: string) =>
  fetch(proxyUrls[dialect]!, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-session-customer': sessionCustomer },
    body: JSON.stringify({ query: 'query($c:String!){plans(customerId:$c){id}}', variables: { c: customerId } }),
  })

describe.each(dialects)("usePlans and useAwaitEntitlement through createStiggProxy({ dialect: '%s' })", (dialect) => {
  it('usePlans: the catalog in display order, with limits, the current plan and what each adds', async () => {
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } })
    const { result } = renderHook(() => usePlans(), { wrapper: wrapperFor(dialect, 'customer-pro', queryClient) })
    await waitFor(() => expect(result.current.isLoading).toBe(false))
    expect(result.current.error).toBeNull()
    const { plans } = result.current
    expect(plans.map((plan) => [plan.id, plan.name, plan.order, plan.state, plan.isCurrent])).toEqual([
      ['plan-free', 'Free', 0, 'downgrade', false],
      ['plan-pro', 'Pro', 1, 'current', true],
      ['plan-enterprise', 'Enterprise', 2, 'upgrade', false],
    ])
    expect(result.current.currentPlan?.id).toBe('plan-pro')
    const pro = plans[1]!
    expect(pro.description).toBe('For growing teams')
    expect(pro.price).toBeNull()
    expect(pro.features.find((f) => f.featureId === 'feature-api-calls')).toMatchObject({
      isUnlimited: false,
      usageLimit: 10000,
      value: null,
      resetPeriod: 'MONTH',
      feature: { featureType: 'METERED', units: 'API call', unitsPlural: 'API calls' },
    })
    expect(pro.features.find((f) => f.featureId === 'feature-projects')).toMatchObject({ usageLimit: null, value: 20, feature: { featureType: 'NUMERIC' } })
    expect(pro.features.find((f) => f.featureId === 'feature-analytics')).toMatchObject({ usageLimit: null, value: null, feature: { featureType: 'BOOLEAN' } })
    expect(pro.features.find((f) => f.featureId === 'feature-sso')).toBeUndefined()
    expect(pro.adds).toEqual([])
    const enterprise = plans[2]!
    expect(enterprise.features.find((f) => f.featureId === 'feature-seats')).toMatchObject({ isUnlimited: true, usageLimit: null, resetPeriod: null })
    // Unlimited beats 10,000 and 20; SSO is new; analytics is no gain.
    expect(enterprise.adds.map((f) => f.featureId).sort()).toEqual(['feature-api-calls', 'feature-projects', 'feature-seats', 'feature-sso'])
    expect(queryClient.getQueryData(plansQueryKey('customer-pro'))).toHaveLength(3)
    seenPlans[dialect] = JSON.parse(JSON.stringify(plans))
  })

  it("pins the customer: another customer's plans are refused, an unknown customer fails clearly", async () => {
    expect((await post(dialect, 'customer-free', 'customer-pro')).status).toBe(403)
    expect((await post(dialect, 'customer-free', 'customer-free')).status).toBe(200)
    const { result } = renderHook(() => usePlans(), { wrapper: wrapperFor(dialect, 'customer-nobody') })
    await waitFor(() => expect(result.current.isError).toBe(true))
    expect(result.current.plans).toEqual([])
    expect(result.current.error?.code).toMatch(/CUSTOMER_?NOT_?FOUND/i)
  })

  it('useAwaitEntitlement: waits for the grant, then the gate and the subscription refresh without a remount', async () => {
    const { result } = renderHook(
      () => ({
        wait: useAwaitEntitlement('feature-analytics', { timeoutMs: 10_000 }),
        gate: useEntitlement('feature-analytics'),
        meter: useEntitlement('feature-api-calls'),
        subscription: useSubscription(),
      }),
      { wrapper: wrapperFor(dialect, 'customer-free') },
    )
    await waitFor(() => expect(result.current.gate.isLoading).toBe(false))
    expect(result.current.gate.hasAccess).toBe(false)
    expect(result.current.wait.status).toBe('waiting')
    // The "webhook": the plan changes upstream a little later, outside the browser.
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(result.current.wait.status).toBe('waiting')
    upstream.emulator.admin.setSubscription('customer-free', { planId: 'plan-pro' })
    await waitFor(() => expect(result.current.wait.status).toBe('granted'), { timeout: 5000 })
    expect(result.current.wait.entitlement).toMatchObject({ featureId: 'feature-analytics', hasAccess: true })
    await waitFor(() => expect(result.current.gate.hasAccess).toBe(true))
    await waitFor(() => expect(result.current.meter.entitlement?.usageLimit).toBe(10000))
    await waitFor(() => expect(result.current.subscription.plan?.id).toBe('plan-pro'))
  })

  it('useAwaitEntitlement: TIMEOUT when nothing grants it, and FEATURE_NOT_IN_ANY_PLAN at once', async () => {
    const { result } = renderHook(
      () => ({
        slow: useAwaitEntitlement('feature-sso', { timeoutMs: 600 }),
        never: useAwaitEntitlement('feature-unknown', { timeoutMs: 10_000 }),
      }),
      { wrapper: wrapperFor(dialect, 'customer-free') },
    )
    const started = Date.now()
    await waitFor(() => expect(result.current.never.status).toBe('error'))
    expect(Date.now() - started).toBeLessThan(3000)
    expect(result.current.never.error?.code).toBe('FEATURE_NOT_IN_ANY_PLAN')
    await waitFor(() => expect(result.current.slow.status).toBe('error'), { timeout: 5000 })
    expect(result.current.slow.error?.code).toBe('TIMEOUT')
    expect(Date.now() - started).toBeGreaterThanOrEqual(550)
  })
})

it('both dialects describe the plans identically', () => {
  expect(seenPlans.seed).toBeDefined()
  expect(seenPlans.stigg).toEqual(seenPlans.seed)
})
