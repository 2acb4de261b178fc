// Freshness controls: refetchOnWindowFocus and refetchInterval (provider-wide and per hook; the
// interval pauses while the tab is hidden) and invalidate({ featureIds }).
import { QueryClient } from '@tanstack/react-query'
import { act, renderHook, waitFor } from '@testing-library/react'
import type { ReactNode } from 'react'
import { afterEach, describe, expect, it } from 'vitest'
import { StiggProvider, useEntitlement, useStigg, type StiggProviderProps } from 'react-stigg'
import { createEmulator } from 'react-stigg/emulator'

/** The features each request asked for, in order. */
function recordingFetch() {
  const emulator = createEmulator()
  const requests: string[][] = []
  const fetchFn: typeof fetch = async (input, init) => {
    const { variables } = JSON.parse(String(init?.body)) as { variables: Record<string, unknown> }
    requests.push(Object.keys(variables).filter((name) => /^f\d+$/.test(name)).map((name) => String(variables[name])))
    return emulator.fetch(new Request(input, { ...init, headers: { ...Object.fromEntries(new Headers(init?.headers)), 'x-api-key': emulator.apiKey } }))
  }
  return { requests, fetchFn }
}

function setVisibility(state: 'visible' | 'hidden') {
  Object.defineProperty(document, 'visibilityState', { value: state, configurable: true })
  window.dispatchEvent(new Event('visibilitychange'))
}
afterEach(() => setVisibility('visible'))

function wrapperWith(fetchFn: typeof fetch, props: Partial<StiggProviderProps> = {}) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  return ({ children }: { children: ReactNode }) => (
    <StiggProvider url="http://stigg.test/graphql" customerId="customer-pro" queryClient={queryClient} fetch={fetchFn} {...props}>
      {children}
    </StiggProvider>
  )
}
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('refetchInterval', () => {
  it('polls at the provider interval while visible and pauses while the tab is hidden', async () => {
    const { requests, fetchFn } = recordingFetch()
    renderHook(() => useEntitlement('feature-api-calls'), { wrapper: wrapperWith(fetchFn, { refetchInterval: 40 }) })
    await waitFor(() => expect(requests.length).toBeGreaterThanOrEqual(3))
    act(() => setVisibility('hidden'))
    await sleep(60)
    const whileHidden = requests.length
    await sleep(200)
    expect(requests.length).toBe(whileHidden)
    act(() => setVisibility('visible'))
    await waitFor(() => expect(requests.length).toBeGreaterThan(whileHidden))
  })

  it('lets a hook poll on its own while the provider does not', async () => {
    const { requests, fetchFn } = recordingFetch()
    const wrapper = wrapperWith(fetchFn)
    renderHook(
      () => {
        useEntitlement('feature-api-calls', { refetchInterval: 40 })
        useEntitlement('feature-seats')
      },
      { wrapper },
    )
    await waitFor(() => expect(requests.length).toBeGreaterThanOrEqual(3))
    // The first request batched both; every poll after it asks for the polling feature only.
    expect(requests[0]).toEqual(['feature-api-calls', 'feature-seats'])
    expect(new Set(requests.slice(1).flat())).toEqual(new Set(['feature-api-calls']))
  })
})

describe('refetchOnWindowFocus', () => {
  it.each([
    ['the provider default (on)', {}, {}, 2],
    ['turned off on the provider', { refetchOnWindowFocus: false }, {}, 1],
    ['turned off on the provider, on again for the hook', { refetchOnWindowFocus: false }, { refetchOnWindowFocus: true }, 2],
    ["off in the app's QueryClient defaults", 'client-off', {}, 1],
  ] as const)('%s', async (_name, providerProps, hookOptions, expected) => {
    const { requests, fetchFn } = recordingFetch()
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: providerProps !== 'client-off' } } })
    const props = providerProps === 'client-off' ? {} : providerProps
    const { result } = renderHook(() => useEntitlement('feature-sso', hookOptions), {
      wrapper: ({ children }) => (
        <StiggProvider url="http://stigg.test/graphql" customerId="customer-pro" queryClient={queryClient} fetch={fetchFn} staleTime={0} {...props}>
          {children}
        </StiggProvider>
      ),
    })
    await waitFor(() => expect(result.current.isLoading).toBe(false))
    act(() => setVisibility('hidden'))
    act(() => setVisibility('visible'))
    await sleep(80)
    expect(requests).toHaveLength(expected)
  })
})

describe('invalidate({ featureIds })', () => {
  it('refetches only the named features, and everything without a filter', async () => {
    const { requests, fetchFn } = recordingFetch()
    const { result } = renderHook(
      () => ({ a: useEntitlement('feature-api-calls'), b: useEntitlement('feature-seats'), stigg: useStigg() }),
      { wrapper: wrapperWith(fetchFn) },
    )
    await waitFor(() => expect(result.current.a.isLoading || result.current.b.isLoading).toBe(false))
    expect(requests).toEqual([['feature-api-calls', 'feature-seats']])
    await act(() => result.current.stigg.invalidate({ featureIds: ['feature-seats'] }))
    expect(requests).toEqual([['feature-api-calls', 'feature-seats'], ['feature-seats']])
    await act(() => result.current.stigg.invalidate())
    expect(requests.at(-1)).toEqual(['feature-api-calls', 'feature-seats'])
  })
})
