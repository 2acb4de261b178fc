import { describe, expect, it } from 'vitest'
import { render, renderHook, screen, waitFor } from '@testing-library/react'
import { useEntitlement, useSubscription } from 'react-stigg'
import { createTestStigg, StiggTestProvider } from 'react-stigg/testing'

function Meter({ featureId }: { featureId: string }) {
  const { entitlement, hasAccess, isLoading } = useEntitlement(featureId)
  if (isLoading) return <p>loading {featureId}</p>
  return (
    <p>
      {featureId}: {hasAccess ? 'granted' : `denied (${entitlement?.accessDeniedReason})`} {entitlement?.currentUsage}/
      {String(entitlement?.usageLimit)}
    </p>
  )
}

describe('StiggTestProvider', () => {
  it('serves the given entitlements from an in-process emulator', async () => {
    render(
      <StiggTestProvider
        entitlements={{
          'feature-x': { usageLimit: 10, currentUsage: 3 },
          'feature-y': { isGranted: false },
          'feature-z': {},
          'feature-full': { usageLimit: 5, currentUsage: 5 },
        }}
      >
        <Meter featureId="feature-x" />
        <Meter featureId="feature-y" />
        <Meter featureId="feature-z" />
        <Meter featureId="feature-full" />
      </StiggTestProvider>,
    )
    expect(await screen.findByText('feature-x: granted 3/10')).toBeInTheDocument()
    expect(screen.getByText('feature-y: denied (NoFeatureEntitlementInSubscription) 0/null')).toBeInTheDocument()
    expect(screen.getByText('feature-z: granted 0/null')).toBeInTheDocument()
    expect(screen.getByText('feature-full: denied (RequestedUsageExceedingLimit) 5/5')).toBeInTheDocument()
  })

  it('uses the default catalog and seeded customers without entitlements', async () => {
    render(
      <StiggTestProvider customerId="customer-free">
        <Meter featureId="feature-api-calls" />
        <Meter featureId="feature-sso" />
      </StiggTestProvider>,
    )
    expect(await screen.findByText('feature-api-calls: granted 120/1000')).toBeInTheDocument()
    expect(screen.getByText('feature-sso: denied (NoFeatureEntitlementInSubscription) 0/null')).toBeInTheDocument()
  })

  it('sets the subscription from props', async () => {
    const { result } = renderHook(() => useSubscription(), {
      wrapper: ({ children }) => (
        <StiggTestProvider entitlements={{ 'feature-z': {} }} subscription={{ planId: 'plan-gold', planName: 'Gold', status: 'TRIAL' }}>
          {children}
        </StiggTestProvider>
      ),
    })
    await waitFor(() => expect(result.current.isLoading).toBe(false))
    expect(result.current.plan).toMatchObject({ id: 'plan-gold', name: 'Gold' })
    expect(result.current.status).toBe('TRIAL')
  })
})

describe('createTestStigg', () => {
  it('changes state mid-test', async () => {
    const stigg = createTestStigg({ entitlements: { 'feature-x': { usageLimit: 10, currentUsage: 3 } } })
    render(<Meter featureId="feature-x" />, { wrapper: stigg.wrapper })
    expect(await screen.findByText('feature-x: granted 3/10')).toBeInTheDocument()
    await stigg.setUsage('feature-x', 10)
    expect(await screen.findByText('feature-x: denied (RequestedUsageExceedingLimit) 10/10')).toBeInTheDocument()
    expect(stigg.getUsage('feature-x')).toBe(10)
  })

  it('changes the subscription mid-test', async () => {
    const stigg = createTestStigg({ customerId: 'customer-pro' })
    render(<Meter featureId="feature-sso" />, { wrapper: stigg.wrapper })
    expect(await screen.findByText('feature-sso: denied (NoFeatureEntitlementInSubscription) 0/null')).toBeInTheDocument()
    await stigg.setSubscription({ planId: 'plan-enterprise' })
    expect(await screen.findByText('feature-sso: granted 0/null')).toBeInTheDocument()
  })

  it('gives each kit its own QueryClient with retries off', () => {
    const a = createTestStigg()
    const b = createTestStigg()
    expect(a.queryClient).not.toBe(b.queryClient)
    expect(a.queryClient.getDefaultOptions().queries?.retry).toBe(false)
  })
})
