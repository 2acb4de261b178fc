import { QueryClient } from '@tanstack/react-query'
import { act, render, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { FeatureGate, StiggProvider, useFeatureGate, type FeatureGateState } from 'react-stigg'
import { createTestStigg, StiggTestProvider } from 'react-stigg/testing'

const entitlements = {
  'feature-x': { usageLimit: 10, currentUsage: 3, units: 'export', unitsPlural: 'exports' },
  'feature-y': { isGranted: false },
  'feature-sso': {},
}

function failingProvider(children: React.ReactNode, extra: Partial<React.ComponentProps<typeof StiggProvider>> = {}) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } })
  const fetch500: typeof fetch = async () =>
    new Response(JSON.stringify({ errors: [{ message: 'upstream down' }] }), {
      status: 500,
      headers: { 'content-type': 'application/json' },
    })
  return (
    <StiggProvider url="http://stigg.invalid/graphql" customerId="c-error" queryClient={queryClient} fetch={fetch500} {...extra}>
      {children}
    </StiggProvider>
  )
}

afterEach(() => {
  vi.restoreAllMocks()
  vi.unstubAllEnvs()
})

describe('<FeatureGate>', () => {
  it('renders exactly its children when granted, with no wrapper DOM', async () => {
    const { container } = render(
      <StiggTestProvider customerId="c1" entitlements={entitlements}>
        <FeatureGate featureId="feature-sso" fallback={<p>Upgrade</p>}>
          <h2>SSO</h2>
          <p>Settings</p>
        </FeatureGate>
      </StiggTestProvider>,
    )
    await screen.findByText('Settings')
    expect(container.innerHTML).toBe('<h2>SSO</h2><p>Settings</p>')
  })

  it('renders exactly the fallback when denied', async () => {
    const { container } = render(
      <StiggTestProvider customerId="c1" entitlements={entitlements}>
        <FeatureGate featureId="feature-y" fallback={<a href="/upgrade">Upgrade</a>}>
          <p>Secret</p>
        </FeatureGate>
      </StiggTestProvider>,
    )
    await screen.findByRole('link', { name: 'Upgrade' })
    expect(container.innerHTML).toBe('<a href="/upgrade">Upgrade</a>')
  })

  it('renders the loading slot while unknown, and nothing by default', async () => {
    const { container } = render(
      <StiggTestProvider customerId="c1" entitlements={entitlements}>
        <FeatureGate featureId="feature-sso" loading={<span>Checking…</span>}>
          <p>Settings</p>
        </FeatureGate>
      </StiggTestProvider>,
    )
    expect(container.innerHTML).toBe('<span>Checking…</span>')
    await screen.findByText('Settings')

    const quiet = render(
      <StiggTestProvider customerId="c1" entitlements={entitlements}>
        <FeatureGate featureId="feature-sso">
          <p>Quiet</p>
        </FeatureGate>
      </StiggTestProvider>,
    )
    expect(quiet.container.innerHTML).toBe('')
    await screen.findByText('Quiet')
  })

  it('passes the state to render functions in children and fallback', async () => {
    const seen: FeatureGateState[] = []
    render(
      <StiggTestProvider customerId="c1" entitlements={entitlements}>
        <FeatureGate featureId="feature-x">
          {(state) => {
            seen.push(state)
            return <p>{state.remaining} exports left</p>
          }}
        </FeatureGate>
        <FeatureGate featureId="feature-y" fallback={({ reason, hasAccess }) => <p>{`denied: ${reason} ${hasAccess}`}</p>}>
          <p>Secret</p>
        </FeatureGate>
      </StiggTestProvider>,
    )
    expect(await screen.findByText('7 exports left')).toBeInTheDocument()
    expect(await screen.findByText('denied: NoFeatureEntitlementInSubscription false')).toBeInTheDocument()
    expect(screen.queryByText('Secret')).toBeNull()
    expect(seen.every((state) => state.status === 'granted' && state.hasAccess)).toBe(true)
    expect(seen.at(-1)?.entitlements['feature-x']).toMatchObject({ usageLimit: 10, currentUsage: 3 })
  })

  it('needs every feature with match all and one with match any', async () => {
    render(
      <StiggTestProvider customerId="c1" entitlements={entitlements}>
        <FeatureGate features={['feature-x', 'feature-y']} fallback={<p>all: no</p>}>
          <p>all: yes</p>
        </FeatureGate>
        <FeatureGate features={['feature-x', 'feature-y']} match="any" fallback={<p>any: no</p>}>
          <p>any: yes</p>
        </FeatureGate>
        <FeatureGate features={['feature-x', 'feature-sso']} fallback={<p>both: no</p>}>
          <p>both: yes</p>
        </FeatureGate>
      </StiggTestProvider>,
    )
    expect(await screen.findByText('all: no')).toBeInTheDocument()
    expect(await screen.findByText('any: yes')).toBeInTheDocument()
    expect(await screen.findByText('both: yes')).toBeInTheDocument()
  })

  it('asks for requestedUsage against the limit', async () => {
    render(
      <StiggTestProvider customerId="c1" entitlements={entitlements}>
        <FeatureGate featureId="feature-x" requestedUsage={7} fallback={<p>7: no</p>}>
          <p>7: yes</p>
        </FeatureGate>
        <FeatureGate featureId="feature-x" requestedUsage={8} fallback={({ reason }) => <p>8: {reason}</p>}>
          <p>8: yes</p>
        </FeatureGate>
      </StiggTestProvider>,
    )
    expect(await screen.findByText('7: yes')).toBeInTheDocument()
    expect(await screen.findByText('8: RequestedUsageExceedingLimit')).toBeInTheDocument()
  })

  it('fetches no subscription: plan gating is <PlanGate>', async () => {
    const stigg = createTestStigg({ customerId: 'c1', entitlements })
    render(
      <stigg.Provider>
        <FeatureGate featureId="feature-sso">
          <p>open</p>
        </FeatureGate>
      </stigg.Provider>,
    )
    await screen.findByText('open')
    expect(stigg.emulator.requests.length).toBeGreaterThan(0)
    expect(stigg.emulator.requests.some((request) => /subscription/i.test(request.query ?? ''))).toBe(false)
  })

  it('closes when usage reaches the limit mid-test', async () => {
    const stigg = createTestStigg({ customerId: 'c1', entitlements: { 'feature-x': { usageLimit: 4, currentUsage: 3 } } })
    render(
      <stigg.Provider>
        <FeatureGate featureId="feature-x" fallback={<p>limit reached</p>}>
          <p>can export</p>
        </FeatureGate>
      </stigg.Provider>,
    )
    await screen.findByText('can export')
    await act(() => stigg.setUsage('feature-x', 4))
    expect(await screen.findByText('limit reached')).toBeInTheDocument()
  })

  it('fails closed on error: fallback by default, the error slot when given', async () => {
    const onError = vi.fn()
    const { container } = render(
      failingProvider(
        <FeatureGate featureId="feature-sso" fallback={<p>Upgrade</p>}>
          <p>Secret</p>
        </FeatureGate>,
        { onError },
      ),
    )
    await screen.findByText('Upgrade')
    expect(container.innerHTML).toBe('<p>Upgrade</p>')

    render(
      failingProvider(
        <FeatureGate
          featureId="feature-sso"
          fallback={<p>Upgrade too</p>}
          error={({ error, refetch }) => (
            <button type="button" onClick={refetch}>
              Retry ({error?.status})
            </button>
          )}
        >
          <p>Secret</p>
        </FeatureGate>,
      ),
    )
    expect(await screen.findByRole('button', { name: 'Retry (500)' })).toBeInTheDocument()
    expect(screen.queryByText('Secret')).toBeNull()
  })

  it('opens on error when a fallback entitlement grants access', async () => {
    let state: FeatureGateState | undefined
    function Probe() {
      state = useFeatureGate({ featureId: 'feature-sso' })
      return null
    }
    render(
      failingProvider(
        <>
          <FeatureGate featureId="feature-sso" fallback={<p>Upgrade</p>}>
            <p>Secret</p>
          </FeatureGate>
          <Probe />
        </>,
        { fallbackEntitlements: { 'feature-sso': { hasAccess: true } } },
      ),
    )
    expect(await screen.findByText('Secret')).toBeInTheDocument()
    expect(state).toMatchObject({ status: 'granted', isFallback: true })
  })

  it('stays closed, not loading, when signed out', async () => {
    const { container } = render(
      <StiggTestProvider customerId={null} entitlements={entitlements}>
        <FeatureGate featureId="feature-sso" fallback={<p>Sign in</p>} loading={<p>Loading</p>}>
          <p>Secret</p>
        </FeatureGate>
      </StiggTestProvider>,
    )
    expect(container.innerHTML).toBe('<p>Sign in</p>')
  })

  it('names itself when used outside a provider', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    expect(() => render(<FeatureGate featureId="feature-sso" />)).toThrow('`useFeatureGate` must be used within `<StiggProvider>`')
  })
})

describe('useFeatureGate', () => {
  it('moves from loading to granted', async () => {
    const statuses: string[] = []
    function Probe() {
      const gate = useFeatureGate({ featureId: 'feature-x' })
      statuses.push(gate.status)
      return <p>{`${gate.status} ${gate.remaining}`}</p>
    }
    render(
      <StiggTestProvider customerId="c1" entitlements={entitlements}>
        <Probe />
      </StiggTestProvider>,
    )
    expect(await screen.findByText('granted 7')).toBeInTheDocument()
    expect(statuses[0]).toBe('loading')
  })

  it('reports error status when Stigg fails', async () => {
    function Probe() {
      const gate = useFeatureGate({ features: ['feature-a', 'feature-b'], match: 'any' })
      return <p>{`${gate.status} ${gate.hasAccess} ${gate.error?.status}`}</p>
    }
    render(failingProvider(<Probe />))
    expect(await screen.findByText('error false 500')).toBeInTheDocument()
  })
})

describe('<FeatureGate> development warnings', () => {
  it('warns once when given neither featureId nor features, and stays closed', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const tree = (text: string) => (
      <StiggTestProvider customerId="c1" entitlements={entitlements}>
        <FeatureGate fallback={<p>closed</p>}>
          <p>{text}</p>
        </FeatureGate>
        <FeatureGate fallback={<p>closed too</p>}>
          <p>{text}</p>
        </FeatureGate>
      </StiggTestProvider>
    )
    const { rerender } = render(tree('a'))
    rerender(tree('b'))
    expect(await screen.findByText('closed')).toBeInTheDocument()
    const calls = error.mock.calls.filter(([message]) => String(message).includes('neither `featureId` nor `features`'))
    expect(calls).toHaveLength(1)
  })

  it('warns once when given both featureId and features, and checks featureId', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const props = { featureId: 'feature-sso', features: ['feature-y'] }
    render(
      <StiggTestProvider customerId="c1" entitlements={entitlements}>
        {/* @ts-expect-error featureId and features together must not compile */}
        <FeatureGate {...props} fallback={<p>closed</p>}>
          <p>open</p>
        </FeatureGate>
      </StiggTestProvider>,
    )
    expect(await screen.findByText('open')).toBeInTheDocument()
    const calls = error.mock.calls.filter(([message]) => String(message).includes('both `featureId` ("feature-sso") and `features`'))
    expect(calls).toHaveLength(1)
  })

  it('warns once about an empty features list, and stays closed', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    render(
      <StiggTestProvider customerId="c1" entitlements={entitlements}>
        <FeatureGate features={[]} fallback={<p>closed</p>}>
          <p>open</p>
        </FeatureGate>
      </StiggTestProvider>,
    )
    expect(await screen.findByText('closed')).toBeInTheDocument()
    await waitFor(() => expect(error.mock.calls.filter(([m]) => String(m).includes('empty `features`'))).toHaveLength(1))
  })

  it('warns once that plan moved to <PlanGate>, and gates on the feature alone', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const stigg = createTestStigg({ customerId: 'c1', entitlements, subscription: { planId: 'plan-free' } })
    render(
      <stigg.Provider>
        {/* @ts-expect-error FeatureGate no longer takes plan */}
        <FeatureGate featureId="feature-sso" plan="plan-enterprise" fallback={<p>closed</p>}>
          <p>open</p>
        </FeatureGate>
      </stigg.Provider>,
    )
    expect(await screen.findByText('open')).toBeInTheDocument()
    await waitFor(() => expect(error.mock.calls.filter(([m]) => String(m).includes('<FeatureGate> no longer takes `plan`'))).toHaveLength(1))
    expect(String(error.mock.calls.find(([m]) => String(m).includes('`plan`'))?.[0])).toContain('<PlanGate plan=')
    expect(stigg.emulator.requests.some((request) => /subscription/i.test(request.query ?? ''))).toBe(false)
  })

  it('stays quiet in production', async () => {
    vi.stubEnv('NODE_ENV', 'production')
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    render(
      <StiggTestProvider customerId="c1" entitlements={entitlements}>
        {/* @ts-expect-error featureId and features together must not compile */}
        <FeatureGate featureId="feature-x" features={['feature-sso']} match="some" fallback={<p>closed</p>}>
          <p>open</p>
        </FeatureGate>
      </StiggTestProvider>,
    )
    expect(await screen.findByText('open')).toBeInTheDocument()
    expect(error).not.toHaveBeenCalled()
  })
})
