import { dehydrate, HydrationBoundary, QueryClient, QueryClientProvider, type DehydratedState } from '@tanstack/react-query'
import { act } from '@testing-library/react'
import { hydrateRoot } from 'react-dom/client'
import { renderToString } from 'react-dom/server'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { prefetchEntitlements, StiggProvider, useEntitlement } from 'react-stigg'
import { createEmulator } from 'react-stigg/emulator'

const url = 'http://stigg.test/graphql'

function Gate({ featureId, frames }: { featureId: string; frames: string[] }) {
  const { hasAccess, isLoading, entitlement } = useEntitlement(featureId)
  const text = isLoading ? 'loading' : hasAccess ? `granted ${entitlement?.currentUsage}` : 'denied'
  frames.push(text)
  return <p>{text}</p>
}

function App({ state, queryClient, fetchFn, frames }: { state: DehydratedState | null; queryClient: QueryClient; fetchFn: typeof fetch; frames: string[] }) {
  const gate = (
    <StiggProvider url={url} customerId="customer-pro" queryClient={queryClient} fetch={fetchFn}>
      <Gate featureId="feature-api-calls" frames={frames} />
    </StiggProvider>
  )
  return <QueryClientProvider client={queryClient}>{state ? <HydrationBoundary state={state}>{gate}</HydrationBoundary> : gate}</QueryClientProvider>
}

function countingFetch() {
  const emulator = createEmulator()
  const calls: string[] = []
  const fetchFn: typeof fetch = async (input, init) => {
    calls.push(String(input))
    return emulator.fetch(new Request(input, { ...init, headers: { ...Object.fromEntries(new Headers(init?.headers)), 'x-api-key': emulator.apiKey } }))
  }
  return { emulator, calls, fetchFn }
}

afterEach(() => {
  document.body.innerHTML = ''
  vi.restoreAllMocks()
})

describe('SSR', () => {
  it('renders prefetched entitlements on the server and hydrates with no warnings and no loading flash', async () => {
    const server = countingFetch()
    const serverQueryClient = new QueryClient()
    await prefetchEntitlements(serverQueryClient, { url, fetch: server.fetchFn, customerId: 'customer-pro', featureIds: ['feature-api-calls'] })
    expect(server.calls).toHaveLength(1)
    // Through JSON, as a framework sends it to the browser.
    const state = JSON.parse(JSON.stringify(dehydrate(serverQueryClient))) as DehydratedState

    const serverFrames: string[] = []
    const html = renderToString(<App state={state} queryClient={new QueryClient()} fetchFn={server.fetchFn} frames={serverFrames} />)
    expect(html).toContain('granted 9300')
    expect(server.calls).toHaveLength(1)

    const consoleError = vi.spyOn(console, 'error')
    const consoleWarn = vi.spyOn(console, 'warn')
    const browser = countingFetch()
    const container = document.createElement('div')
    container.innerHTML = html
    document.body.append(container)
    const browserFrames: string[] = []
    let root: ReturnType<typeof hydrateRoot> | undefined
    await act(async () => {
      root = hydrateRoot(container, <App state={state} queryClient={new QueryClient()} fetchFn={browser.fetchFn} frames={browserFrames} />)
    })
    await act(async () => new Promise((resolve) => setTimeout(resolve, 20)))
    expect(container.textContent).toBe('granted 9300')
    expect(browserFrames.every((frame) => frame === 'granted 9300')).toBe(true)
    expect(browser.calls).toHaveLength(0)
    expect(consoleError).not.toHaveBeenCalled()
    expect(consoleWarn).not.toHaveBeenCalled()
    act(() => root?.unmount())
  })

  it('renders loading on the server without prefetch, and never fetches there', async () => {
    const server = countingFetch()
    const frames: string[] = []
    const html = renderToString(<App state={null} queryClient={new QueryClient()} fetchFn={server.fetchFn} frames={frames} />)
    expect(html).toContain('loading')
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(server.calls).toHaveLength(0)
  })

  it('leaves failed features out of the prefetch', async () => {
    const queryClient = new QueryClient()
    const results = await prefetchEntitlements(queryClient, {
      url,
      customerId: 'customer-pro',
      featureIds: ['feature-a', 'feature-b'],
      fetch: async () =>
        new Response(JSON.stringify({ data: { e0: null, e1: null }, errors: [{ message: 'x', path: ['e0'], extensions: { code: 'BOOM' } }, { message: 'y', path: ['e1'], extensions: { code: 'FeatureNotFound' } }] }), {
          headers: { 'content-type': 'application/json' },
        }),
    })
    expect(results['feature-a']).toMatchObject({ code: 'BOOM' })
    expect(queryClient.getQueryData(['stigg', 'customer-pro', 'entitlement', 'feature-a'])).toBeUndefined()
    expect(queryClient.getQueryData(['stigg', 'customer-pro', 'entitlement', 'feature-b'])).toMatchObject({ accessDeniedReason: 'FeatureNotFound' })
  })
})
