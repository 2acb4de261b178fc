import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { UsageMeter, useEntitlement, useSubscription } from 'react-stigg'
import { StiggDevtools } from 'react-stigg/devtools'
import { createTestStigg } from 'react-stigg/testing'
import { renderToString } from 'react-dom/server'
import { afterEach, describe, expect, it, vi } from 'vitest'

function App() {
  const { hasAccess } = useEntitlement('feature-api-calls')
  const { subscription } = useSubscription()
  return (
    <p>
      {subscription?.plan.name ?? 'no plan'}: {hasAccess ? 'api on' : 'api off'}
    </p>
  )
}

afterEach(() => localStorage.clear())

const row = (featureId: string) => document.querySelector(`[data-feature-id="${featureId}"]`)

describe('<StiggDevtools> (react-stigg/devtools)', () => {
  it('opens from its button, shows customer, plan and cached entitlements, and closes with Escape, keyboard first', async () => {
    const stigg = createTestStigg({ customerId: 'customer-pro' })
    render(
      <stigg.Provider>
        <App />
        <StiggDevtools controls={false} />
      </stigg.Provider>,
    )
    await screen.findByText('Pro: api on')
    const toggle = screen.getByRole('button', { name: 'Stigg devtools' })
    expect(toggle).toHaveAttribute('aria-expanded', 'false')
    expect(screen.queryByRole('region', { name: 'Stigg devtools' })).toBeNull()

    fireEvent.click(toggle)
    const panel = screen.getByRole('region', { name: 'Stigg devtools' })
    expect(toggle).toHaveAttribute('aria-expanded', 'true')
    expect(toggle).toHaveAttribute('aria-controls', panel.id)
    await waitFor(() => expect(screen.getByRole('button', { name: 'Close Stigg devtools' })).toHaveFocus())
    expect(localStorage.getItem('react-stigg-devtools-open')).toBe('true')
    expect(within(panel).getByTestId('devtools-customer')).toHaveTextContent('customer-pro')
    expect(within(panel).getByTestId('devtools-plan')).toHaveTextContent('Pro · ACTIVE')
    expect(row('feature-api-calls')).toHaveAttribute('data-source', 'network')
    const used = stigg.getUsage('feature-api-calls')
    expect(row('feature-api-calls')).toHaveTextContent(new RegExp(`granted\\s*${used} / 10000\\s*network\\s*now`))

    fireEvent.keyDown(screen.getByRole('button', { name: 'Close Stigg devtools' }), { key: 'Escape' })
    expect(screen.queryByRole('region', { name: 'Stigg devtools' })).toBeNull()
    await waitFor(() => expect(toggle).toHaveFocus())
    expect(localStorage.getItem('react-stigg-devtools-open')).toBe('false')
  })

  it('remembers that it was open, and closes with its close button', async () => {
    localStorage.setItem('react-stigg-devtools-open', 'true')
    const stigg = createTestStigg({ customerId: 'customer-free' })
    render(
      <stigg.Provider>
        <App />
        <StiggDevtools controls={false} />
      </stigg.Provider>,
    )
    expect(screen.getByRole('region', { name: 'Stigg devtools' })).toBeInTheDocument()
    fireEvent.click(screen.getByRole('button', { name: 'Close Stigg devtools' }))
    expect(screen.queryByRole('region', { name: 'Stigg devtools' })).toBeNull()
    expect(localStorage.getItem('react-stigg-devtools-open')).toBe('false')
  })

  it('tells network from cache and fallback, and counts the age', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    try {
      const stigg = createTestStigg({ customerId: 'customer-pro' })
      const { rerender } = render(
        <stigg.Provider>
          <App />
          <StiggDevtools controls={false} initialIsOpen />
        </stigg.Provider>,
      )
      await waitFor(() => expect(row('feature-api-calls')).toHaveAttribute('data-source', 'network'))
      // Marked stale without a refetch: what the app shows now comes from the cache.
      await act(() => stigg.queryClient.invalidateQueries({ queryKey: ['stigg', 'customer-pro', 'entitlement'], refetchType: 'none' }))
      await act(() => vi.advanceTimersByTimeAsync(2100))
      expect(row('feature-api-calls')).toHaveAttribute('data-source', 'cache')
      // The age ticks once a second: seconds later it reads in seconds, no longer "now".
      expect(row('feature-api-calls')).toHaveTextContent(/cache\s*[1-9]s$/)

      rerender(
        <stigg.Provider offline fallbackEntitlements={{ 'feature-api-calls': { hasAccess: true } }}>
          <App />
          <StiggDevtools controls={false} initialIsOpen />
        </stigg.Provider>,
      )
      await waitFor(() => expect(row('feature-api-calls')).toHaveAttribute('data-source', 'fallback'))
    } finally {
      vi.useRealTimers()
    }
  })

  it('drives the test kit\'s emulator: usage, clock, plan and status, outage; the app follows and the log lists each change', async () => {
    const stigg = createTestStigg({ customerId: 'customer-pro' })
    render(
      <stigg.Provider>
        <UsageMeter featureId="feature-api-calls" label="API calls" />
        <App />
        <StiggDevtools driver={stigg.devtools} initialIsOpen />
      </stigg.Provider>,
    )
    const panel = await screen.findByRole('region', { name: 'Stigg devtools' })
    const meter = await screen.findByRole('meter', { name: /API calls/ })
    await waitFor(() => expect(within(panel).getByRole('button', { name: 'Set usage' })).toBeEnabled())

    fireEvent.change(within(panel).getByLabelText('Feature'), { target: { value: 'feature-api-calls' } })
    fireEvent.change(within(panel).getByRole('spinbutton', { name: 'Usage' }), { target: { value: '10000' } })
    fireEvent.click(within(panel).getByRole('button', { name: 'Set usage' }))
    await waitFor(() => expect(meter).toHaveAttribute('data-state', 'exceeded'))
    expect(stigg.getUsage('feature-api-calls')).toBe(10_000)

    fireEvent.click(within(panel).getByRole('button', { name: 'Advance clock to next reset' }))
    await waitFor(() => expect(meter).toHaveAttribute('aria-valuenow', '0'))

    fireEvent.change(within(panel).getByLabelText('Plan'), { target: { value: 'plan-free' } })
    await screen.findByText('Free: api on')
    fireEvent.change(within(panel).getByLabelText('Status'), { target: { value: 'CANCELED' } })
    await waitFor(() => expect(within(panel).getByTestId('devtools-plan')).toHaveTextContent('Free · CANCELED'))

    // The outage fails the refetch the change starts; the app keeps its last answer, from the cache.
    fireEvent.change(within(panel).getByLabelText('Outage'), { target: { value: '503' } })
    await waitFor(() => expect(row('feature-api-calls')).toHaveAttribute('data-source', 'cache'))
    fireEvent.change(within(panel).getByLabelText('Outage'), { target: { value: 'off' } })
    await waitFor(() => expect(row('feature-api-calls')).toHaveAttribute('data-source', 'network'))

    const log = within(panel).getByRole('list', { name: 'Devtools log' })
    await waitFor(() =>
      expect([...log.querySelectorAll('li')].map((item) => item.textContent?.slice((item.querySelector('time')?.textContent?.length ?? 0) + 1))).toEqual([
        'customer-pro: usage of feature-api-calls set to 10000',
        expect.stringMatching(/^clock advanced past customer-pro's next reset/),
        'customer-pro: subscription set to plan-free',
        'customer-pro: subscription set to CANCELED',
        'outage on: the upstream answers 503',
        'outage off: the upstream answers again',
      ]),
    )
  }, 20_000)

  it('says when the dev server endpoint cannot be reached', async () => {
    const stigg = createTestStigg({ customerId: 'customer-pro' })
    render(
      <stigg.Provider>
        <StiggDevtools initialIsOpen endpoint="http://127.0.0.1:1/__stigg/devtools" />
      </stigg.Provider>,
    )
    expect(await screen.findByRole('alert')).toHaveTextContent('Cannot reach http://127.0.0.1:1/__stigg/devtools')
  })

  it('renders on the server closed, whatever the browser remembered, so hydration matches', () => {
    localStorage.setItem('react-stigg-devtools-open', 'true')
    const stigg = createTestStigg({ customerId: 'customer-pro' })
    const html = renderToString(
      <stigg.Provider>
        <StiggDevtools />
      </stigg.Provider>,
    )
    expect(html).toContain('aria-expanded="false"')
    expect(html).not.toContain('role="region"')
  })

  it('names itself and the provider when used outside <StiggProvider>', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    expect(() => render(<StiggDevtools />)).toThrow('`StiggDevtools` must be used within `<StiggProvider>`.')
    vi.restoreAllMocks()
  })
})
