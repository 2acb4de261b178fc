// Numeric (configuration) features: `value` in the hooks, `minValue` on gates, and a meter of an
// app-supplied usage against the configured value. The emulator's catalog has
// 'feature-projects': 5 (free), 20 (pro), unlimited (enterprise).
import { QueryClient } from '@tanstack/react-query'
import { render, renderHook, screen, waitFor } from '@testing-library/react'
import type { ReactNode } from 'react'
import { describe, expect, it } from 'vitest'
import { FeatureGate, StiggProvider, UsageMeter, useEntitlement, useFeatureGate } from 'react-stigg'
import { createEmulator } from 'react-stigg/emulator'

function providerFor(customerId: string) {
  const emulator = createEmulator()
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  return ({ children }: { children: ReactNode }) => (
    <StiggProvider url="http://stigg.test/graphql" customerId={customerId} queryClient={queryClient} fetch={(input, init) => emulator.fetch(new Request(input, init))} headers={{ 'x-api-key': emulator.apiKey }}>
      {children}
    </StiggProvider>
  )
}

describe('useEntitlement value', () => {
  it.each([
    ['customer-free', 5, false],
    ['customer-pro', 20, false],
    ['customer-enterprise', null, true],
  ] as const)('%s: value %s, unlimited %s', async (customerId, value, isUnlimited) => {
    const { result } = renderHook(() => useEntitlement('feature-projects'), { wrapper: providerFor(customerId) })
    await waitFor(() => expect(result.current.entitlement).not.toBeNull())
    expect(result.current.entitlement).toMatchObject({ hasAccess: true, value, isUnlimited, feature: { featureType: 'NUMERIC' } })
  })
})

describe('minValue', () => {
  it.each([
    ['customer-free', 10, 'denied'],
    ['customer-pro', 10, 'granted'],
    ['customer-pro', 20, 'granted'],
    ['customer-pro', 21, 'denied'],
    ['customer-enterprise', 1_000_000, 'granted'],
  ] as const)('%s with minValue %i: %s', async (customerId, minValue, status) => {
    render(
      <FeatureGate featureId="feature-projects" minValue={minValue} fallback={({ reason }) => <p>denied {reason}</p>} loading={<p>loading</p>}>
        <p>granted</p>
      </FeatureGate>,
      { wrapper: providerFor(customerId) },
    )
    expect(await screen.findByText(status === 'granted' ? 'granted' : 'denied RequestedValuesMismatch')).toBeInTheDocument()
  })

  it('denies a feature that has no value (boolean) when a minValue is required', async () => {
    const { result } = renderHook(() => useFeatureGate({ featureId: 'feature-analytics', minValue: 1 }), { wrapper: providerFor('customer-pro') })
    await waitFor(() => expect(result.current.status).toBe('denied'))
  })

  it.each([Number.NaN, Number.POSITIVE_INFINITY])('fails with BAD_INPUT for minValue %s, and the gate shows its error slot', async (minValue) => {
    const wrapper = providerFor('customer-pro')
    const { result } = renderHook(() => useEntitlement('feature-projects', { minValue }), { wrapper })
    await waitFor(() => expect(result.current.error).not.toBeNull())
    expect(result.current.error).toMatchObject({ name: 'StiggError', code: 'BAD_INPUT' })
    expect(result.current.error?.message).toMatch(/minValue for 'feature-projects' must be a finite number/)
    render(
      <FeatureGate featureId="feature-projects" minValue={minValue} error={<p>gate error</p>}>
        <p>granted</p>
      </FeatureGate>,
      { wrapper },
    )
    expect(await screen.findByText('gate error')).toBeInTheDocument()
  })
})

describe('UsageMeter usage', () => {
  it('meters the app’s count against the configured value: 12 of 20 projects', async () => {
    render(<UsageMeter featureId="feature-projects" label="Projects" usage={12} />, { wrapper: providerFor('customer-pro') })
    const meter = await screen.findByRole('meter', { name: 'Projects' })
    await waitFor(() => expect(meter).toHaveAttribute('aria-valuetext', '12 of 20 projects used'))
    expect(meter).toHaveAttribute('aria-valuemax', '20')
    expect(meter).toHaveAttribute('data-state', 'ok')
  })

  it('is exceeded at the value, and unlimited for an unlimited feature', async () => {
    render(<UsageMeter featureId="feature-projects" label="Free projects" usage={5} />, { wrapper: providerFor('customer-free') })
    const free = await screen.findByRole('meter', { name: 'Free projects' })
    await waitFor(() => expect(free).toHaveAttribute('data-state', 'exceeded'))
    expect(free).toHaveAttribute('aria-valuetext', '5 of 5 projects used, limit reached')
    render(<UsageMeter featureId="feature-projects" label="Enterprise projects" usage={300} />, { wrapper: providerFor('customer-enterprise') })
    const enterprise = await screen.findByRole('meter', { name: 'Enterprise projects' })
    await waitFor(() => expect(enterprise).toHaveAttribute('data-state', 'unlimited'))
    expect(enterprise).toHaveAttribute('aria-valuetext', 'Unlimited — 300 projects used')
  })
})
