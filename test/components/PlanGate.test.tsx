import { QueryClient } from '@tanstack/react-query'
import { act, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { FeatureGate, PLAN_MISMATCH, PlanGate, StiggProvider, usePlanGate, type UsePlanGateResult } from 'react-stigg'
import { createTestStigg, StiggTestProvider } from 'react-stigg/testing'

const fetch500: typeof fetch = async () =>
  new Response(JSON.stringify({ errors: [{ message: 'upstream down' }] }), { status: 500, headers: { 'content-type': 'application/json' } })

function failingProvider(children: React.ReactNode) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  return (
    <StiggProvider url="http://stigg.invalid/graphql" customerId="c-error" queryClient={queryClient} fetch={fetch500}>
      {children}
    </StiggProvider>
  )
}

const subscriptionRequests = (stigg: ReturnType<typeof createTestStigg>) =>
  stigg.emulator.requests.filter((request) => /subscription/i.test(request.query ?? '')).length

afterEach(() => {
  vi.restoreAllMocks()
})

describe('<PlanGate>', () => {
  it('renders exactly its children on a listed plan, with no wrapper DOM', async () => {
    const { container } = render(
      <StiggTestProvider customerId="customer-pro">
        <PlanGate plan={['plan-pro', 'plan-enterprise']} fallback={<p>Upgrade</p>}>
          <h2>Priority support</h2>
          <p>Call us</p>
        </PlanGate>
      </StiggTestProvider>,
    )
    await screen.findByText('Call us')
    expect(container.innerHTML).toBe('<h2>Priority support</h2><p>Call us</p>')
  })

  it('renders exactly the fallback on another plan, and hands render functions the state', async () => {
    const seen: UsePlanGateResult[] = []
    const { container } = render(
      <StiggTestProvider customerId="customer-pro">
        <PlanGate
          plan="plan-enterprise"
          fallback={(state) => {
            seen.push(state)
            return <a href="/upgrade">{`${state.reason} on ${state.plan?.name}`}</a>
          }}
        >
          <p>Secret</p>
        </PlanGate>
      </StiggTestProvider>,
    )
    await screen.findByRole('link', { name: `${PLAN_MISMATCH} on Pro` })
    expect(container.innerHTML).toBe(`<a href="/upgrade">${PLAN_MISMATCH} on Pro</a>`)
    expect(seen.at(-1)).toMatchObject({ status: 'denied', hasAccess: false, error: null, subscription: { plan: { id: 'plan-pro' } } })
  })

  it('passes the state to a children function when granted', async () => {
    render(
      <StiggTestProvider customerId="customer-enterprise">
        <PlanGate plan="plan-enterprise">{({ plan, hasAccess }) => <p>{`${plan?.name} ${hasAccess}`}</p>}</PlanGate>
      </StiggTestProvider>,
    )
    expect(await screen.findByText('Enterprise true')).toBeInTheDocument()
  })

  it('renders the loading slot while unknown, and nothing by default', async () => {
    const { container } = render(
      <StiggTestProvider customerId="customer-pro">
        <PlanGate plan="plan-pro" loading={<span>Checking…</span>}>
          <p>Pro</p>
        </PlanGate>
      </StiggTestProvider>,
    )
    expect(container.innerHTML).toBe('<span>Checking…</span>')
    await screen.findByText('Pro')

    const quiet = render(
      <StiggTestProvider customerId="customer-pro">
        <PlanGate plan="plan-pro">
          <p>Quiet</p>
        </PlanGate>
      </StiggTestProvider>,
    )
    expect(quiet.container.innerHTML).toBe('')
    await screen.findByText('Quiet')
  })

  it('does not let a paused subscription through, even on a listed plan', async () => {
    render(
      <StiggTestProvider customerId="customer-paused">
        <PlanGate plan={['plan-free', 'plan-pro', 'plan-enterprise']} fallback={({ reason }) => <p>{reason}</p>}>
          <p>open</p>
        </PlanGate>
      </StiggTestProvider>,
    )
    expect(await screen.findByText('NoActiveSubscription')).toBeInTheDocument()
    expect(screen.queryByText('open')).toBeNull()
  })

  it('opens when the customer upgrades mid-test', async () => {
    const stigg = createTestStigg({ customerId: 'customer-pro' })
    render(
      <stigg.Provider>
        <PlanGate plan="plan-enterprise" fallback={<p>upgrade</p>}>
          <p>enterprise</p>
        </PlanGate>
      </stigg.Provider>,
    )
    await screen.findByText('upgrade')
    await act(() => stigg.setSubscription({ planId: 'plan-enterprise' }))
    expect(await screen.findByText('enterprise')).toBeInTheDocument()
  })

  it('fails closed on error: fallback by default, the error slot when given', async () => {
    const { container } = render(
      failingProvider(
        <PlanGate plan="plan-pro" fallback={<p>Upgrade</p>}>
          <p>Secret</p>
        </PlanGate>,
      ),
    )
    await screen.findByText('Upgrade')
    expect(container.innerHTML).toBe('<p>Upgrade</p>')

    render(
      failingProvider(
        <PlanGate
          plan="plan-pro"
          fallback={<p>Upgrade too</p>}
          error={({ error, refetch }) => (
            <button type="button" onClick={refetch}>
              Retry ({error?.status})
            </button>
          )}
        >
          <p>Secret</p>
        </PlanGate>,
      ),
    )
    expect(await screen.findByRole('button', { name: 'Retry (500)' })).toBeInTheDocument()
    expect(screen.queryByText('Secret')).toBeNull()
  })

  it('stops trusting a subscription kept from before a failed refetch', async () => {
    const stigg = createTestStigg({ customerId: 'customer-pro' })
    let failing = false
    const flaky: typeof fetch = (input, init) => (failing ? fetch500(input, init) : stigg.fetch(input, init))
    render(
      <StiggProvider url={stigg.url} headers={stigg.headers} customerId="customer-pro" queryClient={stigg.queryClient} fetch={flaky}>
        <PlanGate plan="plan-pro" fallback={<p>closed</p>} error={({ subscription }) => <p>{`error, kept ${subscription?.plan.id}`}</p>}>
          <p>pro</p>
        </PlanGate>
      </StiggProvider>,
    )
    await screen.findByText('pro')
    failing = true
    await act(() => stigg.invalidate())
    // The cached plan is still there, but it no longer opens the gate.
    expect(await screen.findByText('error, kept plan-pro')).toBeInTheDocument()
    expect(screen.queryByText('pro')).toBeNull()
  })

  it('stays closed, not loading, when signed out', async () => {
    const { container } = render(
      <StiggTestProvider customerId={null}>
        <PlanGate plan="plan-free" fallback={({ reason }) => <p>{`Sign in (${reason})`}</p>} loading={<p>Loading</p>}>
          <p>Secret</p>
        </PlanGate>
      </StiggTestProvider>,
    )
    expect(container.innerHTML).toBe('<p>Sign in (null)</p>')
  })

  it('nests with <FeatureGate>: both must pass, and a closed plan gate never asks for the feature', async () => {
    const stigg = createTestStigg({ customerId: 'customer-pro' })
    render(
      <stigg.Provider>
        <PlanGate plan="plan-pro" fallback={<p>pro only</p>}>
          <FeatureGate featureId="feature-analytics" fallback={<p>no analytics</p>}>
            <p>analytics</p>
          </FeatureGate>
          <FeatureGate featureId="feature-sso" fallback={<p>no sso</p>}>
            <p>sso</p>
          </FeatureGate>
        </PlanGate>
        <PlanGate plan="plan-enterprise" fallback={<p>enterprise only</p>}>
          <FeatureGate featureId="feature-seats">
            <p>seats</p>
          </FeatureGate>
        </PlanGate>
      </stigg.Provider>,
    )
    expect(await screen.findByText('analytics')).toBeInTheDocument()
    expect(await screen.findByText('no sso')).toBeInTheDocument()
    expect(await screen.findByText('enterprise only')).toBeInTheDocument()
    expect(screen.queryByText('seats')).toBeNull()
    expect(stigg.emulator.requests.some((request) => (request.query ?? '').includes('feature-seats'))).toBe(false)
  })

  it('reads the subscription once for every plan gate on the page', async () => {
    const stigg = createTestStigg({ customerId: 'customer-pro' })
    render(
      <stigg.Provider>
        <PlanGate plan="plan-pro">
          <p>one</p>
        </PlanGate>
        <PlanGate plan={['plan-pro']}>
          <p>two</p>
        </PlanGate>
        <PlanGate plan="plan-enterprise" fallback={<p>three: no</p>}>
          <p>three</p>
        </PlanGate>
      </stigg.Provider>,
    )
    await screen.findByText('one')
    await screen.findByText('two')
    await screen.findByText('three: no')
    expect(subscriptionRequests(stigg)).toBe(1)
  })

  it('names itself when used outside a provider', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    expect(() => render(<PlanGate plan="plan-pro" />)).toThrow('`usePlanGate` must be used within `<StiggProvider>`')
  })
})

describe('usePlanGate', () => {
  it('moves from loading to granted', async () => {
    const statuses: string[] = []
    function Probe() {
      const gate = usePlanGate({ plan: 'plan-pro' })
      statuses.push(gate.status)
      return <p>{`${gate.status} ${gate.plan?.id}`}</p>
    }
    render(
      <StiggTestProvider customerId="customer-trial">
        <Probe />
      </StiggTestProvider>,
    )
    expect(await screen.findByText('granted plan-pro')).toBeInTheDocument()
    expect(statuses[0]).toBe('loading')
  })

  it('fetches nothing when not enabled, and stays closed with no reason', async () => {
    const stigg = createTestStigg({ customerId: 'customer-pro' })
    function Probe() {
      const gate = usePlanGate({ plan: 'plan-pro', enabled: false })
      return <p>{`${gate.status} ${gate.reason}`}</p>
    }
    render(
      <stigg.Provider>
        <Probe />
        <FeatureGate featureId="feature-analytics">
          <p>analytics</p>
        </FeatureGate>
      </stigg.Provider>,
    )
    await screen.findByText('analytics')
    expect(screen.getByText('denied null')).toBeInTheDocument()
    expect(subscriptionRequests(stigg)).toBe(0)
  })

  it('reports the error status and the error when Stigg fails', async () => {
    function Probe() {
      const gate = usePlanGate({ plan: ['plan-pro'] })
      return <p>{`${gate.status} ${gate.hasAccess} ${gate.error?.status}`}</p>
    }
    render(failingProvider(<Probe />))
    expect(await screen.findByText('error false 500')).toBeInTheDocument()
  })
})
