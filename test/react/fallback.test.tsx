import { QueryClient } from '@tanstack/react-query'
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { StiggError, StiggProvider, useEntitlement, useReportUsage, type FallbackEntitlement } from 'react-stigg'

const url = 'http://stigg.test/graphql'

function Gate({ featureId, fallback }: { featureId: string; fallback?: FallbackEntitlement }) {
  const { entitlement, hasAccess, isLoading, isError, isFallback } = useEntitlement(featureId, fallback ? { fallback } : {})
  if (isLoading) return <p>{featureId} loading</p>
  return (
    <p>
      {featureId} {hasAccess ? 'on' : 'off'} {isFallback ? 'fallback' : 'live'} {isError ? 'error' : 'fine'} {entitlement ? entitlement.usageLimit ?? 'none' : 'null'}
    </p>
  )
}

function failingProvider(fetchFn: typeof fetch, extra: { offline?: boolean; onError?: (error: StiggError) => void } = {}) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } })
  return ({ children }: { children: React.ReactNode }) => (
    <StiggProvider
      url={url}
      customerId="customer-1"
      queryClient={queryClient}
      fetch={fetchFn}
      fallbackEntitlements={{ 'feature-a': { hasAccess: true, usageLimit: 50 }, 'feature-b': { hasAccess: false } }}
      {...extra}
    >
      {children}
    </StiggProvider>
  )
}

describe('fallbackEntitlements', () => {
  it('serves the fallback when the query fails, still flagged as an error, and calls onError once', async () => {
    const fetchFn = vi.fn<typeof fetch>(async () => new Response('down', { status: 400 }))
    const onError = vi.fn()
    const Wrapper = failingProvider(fetchFn, { onError })
    render(
      <Wrapper>
        <Gate featureId="feature-a" />
        <Gate featureId="feature-a" />
        <Gate featureId="feature-b" />
        <Gate featureId="feature-c" />
        <Gate featureId="feature-d" fallback={{ hasAccess: true }} />
      </Wrapper>,
    )
    expect(await screen.findAllByText('feature-a on fallback error 50')).toHaveLength(2)
    expect(screen.getByText('feature-b off fallback error none')).toBeInTheDocument()
    expect(screen.getByText('feature-c off live error null')).toBeInTheDocument()
    expect(screen.getByText('feature-d on fallback error none')).toBeInTheDocument()
    expect(fetchFn).toHaveBeenCalledTimes(1)
    // One failed query per feature: a, b, c, d; two components on feature-a still make one call.
    expect(onError).toHaveBeenCalledTimes(4)
    expect(onError.mock.calls.every(([error]) => error instanceof StiggError && error.code === 'HTTP_400')).toBe(true)
  })

  it('serves only fallbacks when offline, with zero requests', async () => {
    const fetchFn = vi.fn<typeof fetch>()
    const onError = vi.fn()
    const Wrapper = failingProvider(fetchFn, { offline: true, onError })
    function Report() {
      const report = useReportUsage()
      return (
        <button onClick={() => report.mutate({ featureId: 'feature-a', value: 1 })}>
          {report.error ? report.error.code : 'report'}
        </button>
      )
    }
    render(
      <Wrapper>
        <Gate featureId="feature-a" />
        <Gate featureId="feature-c" />
        <Report />
      </Wrapper>,
    )
    expect(screen.getByText('feature-a on fallback fine 50')).toBeInTheDocument()
    expect(screen.getByText('feature-c off live fine null')).toBeInTheDocument()
    fireEvent.click(screen.getByText('report'))
    expect(await screen.findByText('OFFLINE')).toBeInTheDocument()
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(fetchFn).not.toHaveBeenCalled()
    // The failed mutation is reported once; the disabled queries never failed.
    expect(onError).toHaveBeenCalledTimes(1)
    expect(onError.mock.calls[0]?.[0]).toMatchObject({ code: 'OFFLINE' })
  })

  it('does not use the fallback while the query succeeds', async () => {
    const data = { featureId: 'feature-a', isGranted: true, usageLimit: 3, currentUsage: 3, resetPeriod: 'MONTHLY', accessDeniedReason: null, usagePeriodEnd: null, feature: null }
    const fetchFn = vi.fn<typeof fetch>(async () => new Response(JSON.stringify({ data: { e0: data } }), { headers: { 'content-type': 'application/json' } }))
    const Wrapper = failingProvider(fetchFn)
    render(<Wrapper><Gate featureId="feature-a" /></Wrapper>)
    await waitFor(() => expect(screen.getByText('feature-a off live fine 3')).toBeInTheDocument())
  })
})
