// The server helpers hand their answers to the browser: getEntitlements({ queryClient }) on the
// server, dehydrate, hydrate in jsdom, and the hooks render them with zero browser requests.
import { dehydrate, HydrationBoundary, QueryClient, type DehydratedState } from '@tanstack/react-query'
import { render, screen } from '@testing-library/react'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { StiggProvider, useEntitlement } from 'react-stigg'
import { startEmulator, type RunningEmulator } from 'react-stigg/emulator'
import { createStiggServer } from 'react-stigg/server'

let upstream: RunningEmulator
beforeAll(async () => {
  upstream = await startEmulator({ port: 0, host: '127.0.0.1', apiKey: 'secret-key' })
})
afterAll(() => upstream.close())

function Feature({ featureId }: { featureId: string }) {
  const { hasAccess, isLoading, entitlement } = useEntitlement(featureId)
  return <p>{`${featureId}: ${isLoading ? 'loading' : hasAccess ? `on ${entitlement?.value ?? ''}` : 'off'}`}</p>
}

it.each(['seed', 'stigg'] as const)("hydrates what getEntitlements fetched with no browser request ('%s' dialect)", async (dialect) => {
  const stigg = createStiggServer({
    apiKey: 'secret-key',
    upstreamUrl: dialect === 'stigg' ? upstream.hostedUrl : upstream.url,
    dialect,
    identify: (request) => ({ customerId: request.headers.get('x-session-customer') ?? '' }),
  })
  const serverQueryClient = new QueryClient()
  const { customerId } = await stigg.getEntitlements(
    new Request('http://app.test/', { headers: { 'x-session-customer': 'customer-pro' } }),
    ['feature-analytics', 'feature-projects', 'feature-sso'],
    { queryClient: serverQueryClient },
  )
  // Through JSON, as a framework sends it to the browser.
  const state = JSON.parse(JSON.stringify(dehydrate(serverQueryClient))) as DehydratedState

  const browserRequests: string[] = []
  const countingFetch: typeof fetch = (input) => {
    browserRequests.push(String(input))
    return Promise.reject(new Error('no browser request expected'))
  }
  const queryClient = new QueryClient()
  render(
    <StiggProvider url="http://app.test/api/stigg" customerId={customerId} queryClient={queryClient} fetch={countingFetch}>
      <HydrationBoundary state={state} queryClient={queryClient}>
        <Feature featureId="feature-analytics" />
        <Feature featureId="feature-projects" />
        <Feature featureId="feature-sso" />
      </HydrationBoundary>
    </StiggProvider>,
  )
  // Rendered at once from the hydrated cache: no loading state to wait through.
  expect(screen.getByText('feature-analytics: on')).toBeInTheDocument()
  expect(screen.getByText('feature-projects: on 20')).toBeInTheDocument()
  expect(screen.getByText('feature-sso: off')).toBeInTheDocument()
  await new Promise((resolve) => setTimeout(resolve, 50))
  expect(browserRequests).toEqual([])
})
