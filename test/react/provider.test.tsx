import { act, render, renderHook, screen, waitFor } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import {
  StiggProvider,
  useEntitlement,
  useEntitlements,
  useProvisionCustomer,
  useReportUsage,
  useStigg,
  useSubscription,
} from 'react-stigg'
import { createTestStigg } from 'react-stigg/testing'

describe('hooks outside <StiggProvider>', () => {
  const hooks: [string, () => unknown][] = [
    ['useEntitlement', () => useEntitlement('feature-x')],
    ['useEntitlements', () => useEntitlements(['feature-x'])],
    ['useSubscription', () => useSubscription()],
    ['useReportUsage', () => useReportUsage()],
    ['useProvisionCustomer', () => useProvisionCustomer()],
    ['useStigg', () => useStigg()],
  ]
  it.each(hooks)('`%s` names itself', (name, hook) => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    expect(() => renderHook(hook)).toThrow(`\`${name}\` must be used within \`<StiggProvider>\``)
    vi.restoreAllMocks()
  })
})

describe('hooks inside the provider', () => {
  it('useEntitlement applies requestedUsage per hook over one cache entry', async () => {
    const stigg = createTestStigg({ entitlements: { 'feature-x': { usageLimit: 10, currentUsage: 8 } } })
    const { result } = renderHook(
      () => ({ one: useEntitlement('feature-x'), three: useEntitlement('feature-x', { requestedUsage: 3 }), zero: useEntitlement('feature-x', { requestedUsage: 0 }) }),
      { wrapper: stigg.wrapper },
    )
    await waitFor(() => expect(result.current.one.isLoading).toBe(false))
    expect(result.current.one).toMatchObject({ hasAccess: true, entitlement: { remaining: 2, requestedUsage: 1 } })
    expect(result.current.three).toMatchObject({ hasAccess: false, entitlement: { accessDeniedReason: 'RequestedUsageExceedingLimit' } })
    expect(result.current.zero.hasAccess).toBe(true)
    expect(stigg.emulator.requests).toHaveLength(1)
  })

  it('useEntitlement with enabled: false stays idle', async () => {
    const stigg = createTestStigg({ entitlements: { 'feature-x': {} } })
    const { result } = renderHook(() => useEntitlement('feature-x', { enabled: false }), { wrapper: stigg.wrapper })
    expect(result.current).toMatchObject({ isLoading: false, entitlement: null, hasAccess: false })
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(stigg.emulator.requests).toHaveLength(0)
  })

  it('useEntitlements decides all features together', async () => {
    const stigg = createTestStigg({ customerId: 'customer-pro' })
    const { result } = renderHook(() => ({ some: useEntitlements(['feature-api-calls', 'feature-sso']), pro: useEntitlements(['feature-api-calls', 'feature-analytics']) }), {
      wrapper: stigg.wrapper,
    })
    await waitFor(() => expect(result.current.some.isLoading || result.current.pro.isLoading).toBe(false))
    expect(Object.keys(result.current.some.entitlements).sort()).toEqual(['feature-api-calls', 'feature-sso'])
    expect(result.current.some.hasAccess).toBe(false)
    expect(result.current.pro.hasAccess).toBe(true)
  })

  it.each([
    ['customer-trial', 'TRIAL', 'plan-pro'],
    ['customer-canceled', 'CANCELED', 'plan-pro'],
    ['customer-enterprise', 'ACTIVE', 'plan-enterprise'],
  ])('useSubscription reads %s', async (customerId, status, planId) => {
    const stigg = createTestStigg({ customerId })
    const { result } = renderHook(() => useSubscription(), { wrapper: stigg.wrapper })
    await waitFor(() => expect(result.current.isLoading).toBe(false))
    expect(result.current.status).toBe(status)
    expect(result.current.plan?.id).toBe(planId)
    expect(result.current.subscription?.startDate).toBeInstanceOf(Date)
  })

  it('useProvisionCustomer provisions the provider customer and refetches their data', async () => {
    const stigg = createTestStigg()
    const { result } = renderHook(() => ({ provision: useProvisionCustomer(), sso: useEntitlement('feature-sso') }), {
      wrapper: ({ children }) => <stigg.Provider customerId="customer-new">{children}</stigg.Provider>,
    })
    await waitFor(() => expect(result.current.sso.entitlement?.accessDeniedReason).toBe('CustomerNotFound'))
    await act(() => result.current.provision.mutateAsync({ name: 'New Co', subscriptionParams: { planId: 'plan-enterprise' } }))
    await waitFor(() => expect(result.current.sso.hasAccess).toBe(true))
  })

  it('useStigg exposes the client, customer, locale and invalidate()', async () => {
    const stigg = createTestStigg({ entitlements: { 'feature-x': { usageLimit: 10, currentUsage: 1 } }, locale: 'de-DE' })
    const { result } = renderHook(() => ({ stigg: useStigg(), x: useEntitlement('feature-x') }), { wrapper: stigg.wrapper })
    await waitFor(() => expect(result.current.x.entitlement?.currentUsage).toBe(1))
    expect(result.current.stigg).toMatchObject({ customerId: 'customer-test', locale: 'de-DE', queryClient: stigg.queryClient })
    stigg.emulator.admin.setUsage('customer-test', 'feature-x', 4)
    await act(() => result.current.stigg.invalidate())
    await waitFor(() => expect(result.current.x.entitlement?.currentUsage).toBe(4))
    expect(stigg.emulator.requests).toHaveLength(2)
  })

  it('logs a bad requestedUsage once and falls back to 1', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const stigg = createTestStigg({ entitlements: { 'feature-x': { usageLimit: 10, currentUsage: 9 } } })
    function Gate() {
      const { hasAccess, isLoading } = useEntitlement('feature-x', { requestedUsage: -5 })
      return <p>{isLoading ? 'loading' : hasAccess ? 'on' : 'off'}</p>
    }
    render(<Gate />, { wrapper: stigg.wrapper })
    expect(await screen.findByText('on')).toBeInTheDocument()
    expect(consoleError).toHaveBeenCalledTimes(1)
    expect(consoleError.mock.calls[0]?.[0]).toMatch(/`useEntitlement` got requestedUsage=-5 for 'feature-x'/)
    vi.restoreAllMocks()
  })

  it('keeps working when the provider re-renders with inline props', async () => {
    const stigg = createTestStigg({ entitlements: { 'feature-x': {} } })
    function Gate() {
      const { hasAccess } = useEntitlement('feature-x')
      return <p>{hasAccess ? 'on' : 'off'}</p>
    }
    const tree = (n: number) => (
      <StiggProvider url={stigg.url} customerId={stigg.customerId} queryClient={stigg.queryClient} fetch={(i, init) => stigg.fetch(i, init)} headers={{ ...stigg.headers, 'x-render': String(n) }}>
        <Gate />
      </StiggProvider>
    )
    const view = render(tree(1))
    expect(await screen.findByText('on')).toBeInTheDocument()
    view.rerender(tree(2))
    view.rerender(tree(3))
    await act(() => stigg.invalidate())
    expect(stigg.emulator.requests.at(-1)?.headers['x-render']).toBe('3')
  })
})
