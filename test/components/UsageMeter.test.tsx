import { QueryClient } from '@tanstack/react-query'
import { act, fireEvent, render, renderHook, screen, waitFor } from '@testing-library/react'
import axe from 'axe-core'
import { createRef, type ReactNode } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { FeatureGate, StiggProvider, UsageMeter, useReportUsage, useUsageMeter } from 'react-stigg'
import { createTestStigg, StiggTestProvider } from 'react-stigg/testing'

const units = { units: 'API call', unitsPlural: 'API calls' }

function Kit({ children, usage, limit, locale }: { children: ReactNode; usage: number; limit: number | null; locale?: string }) {
  return (
    <StiggTestProvider
      customerId="c1"
      locale={locale}
      entitlements={{ 'feature-api': { usageLimit: limit, currentUsage: usage, ...units } }}
    >
      {children}
    </StiggTestProvider>
  )
}

function StaticProvider({ children, fetch }: { children: ReactNode; fetch: typeof globalThis.fetch }) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  return (
    <StiggProvider url="http://stigg.invalid/graphql" customerId="c-static" queryClient={queryClient} fetch={fetch}>
      {children}
    </StiggProvider>
  )
}

const neverAnswers: typeof fetch = () => new Promise<Response>(() => {})
const answers500: typeof fetch = async () =>
  new Response(JSON.stringify({ errors: [{ message: 'upstream down' }] }), { status: 500, headers: { 'content-type': 'application/json' } })

async function settledMeter(name: string, state: string) {
  const meter = await screen.findByRole('meter', { name })
  await waitFor(() => expect(meter).toHaveAttribute('data-state', state))
  return meter
}

async function expectNoAxeViolations(container: Element) {
  const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } })
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([])
}

afterEach(() => {
  vi.restoreAllMocks()
})

describe('<UsageMeter>', () => {
  it('is a labelled meter with a sentence for a value', async () => {
    const { container } = render(
      <Kit usage={720} limit={1000}>
        <UsageMeter featureId="feature-api" label="API calls" showReset />
      </Kit>,
    )
    const meter = await settledMeter('API calls', 'ok')
    expect(meter).toHaveAttribute('aria-valuemin', '0')
    expect(meter).toHaveAttribute('aria-valuemax', '1000')
    expect(meter).toHaveAttribute('aria-valuenow', '720')
    expect(meter.getAttribute('aria-valuetext')).toMatch(/^720 of 1,000 API calls used, resets [A-Z][a-z]{2} \d{1,2}$/)
    expect(meter).toHaveAttribute('data-stigg-meter', '')
    expect(meter).not.toHaveAttribute('aria-busy')
    const fill = container.querySelector('[data-stigg-meter-fill]')
    expect(fill).toHaveAttribute('data-state', 'ok')
    expect(fill).toHaveStyle({ width: '72%' })
    expect(container.querySelector('[data-stigg-meter-text]')?.textContent).toBe(meter.getAttribute('aria-valuetext'))
    // Unstyled by default: the fill's width is the only inline style.
    expect([...container.querySelectorAll('[style]')]).toEqual([fill])
    const label = container.querySelector('[data-stigg-meter-label]')
    expect(label?.textContent).toBe('API calls')
    expect(meter.getAttribute('aria-labelledby')).toBe(label?.id)
    await expectNoAxeViolations(container)
  })

  it('is busy while loading', async () => {
    const { container } = render(
      <StaticProvider fetch={neverAnswers}>
        <UsageMeter featureId="feature-api" label="API calls" />
      </StaticProvider>,
    )
    const meter = screen.getByRole('meter', { name: 'API calls' })
    expect(meter).toHaveAttribute('data-state', 'loading')
    expect(meter).toHaveAttribute('aria-busy', 'true')
    expect(meter).toHaveAttribute('aria-valuetext', 'Loading usage…')
    expect(meter).toHaveAttribute('aria-valuenow', '0')
    expect(container.querySelector('[data-stigg-meter-fill]')).not.toHaveAttribute('style')
    await expectNoAxeViolations(container)
  })

  it('shows a short message on error', async () => {
    const { container } = render(
      <StaticProvider fetch={answers500}>
        <UsageMeter featureId="feature-api" aria-label="API calls" />
      </StaticProvider>,
    )
    const meter = await settledMeter('API calls', 'error')
    expect(meter).toHaveAttribute('aria-valuetext', 'Usage unavailable')
    expect(meter).not.toHaveAttribute('aria-busy')
    expect(screen.getByText('Usage unavailable')).toBeInTheDocument()
    await expectNoAxeViolations(container)
  })

  it('warns from warnAt', async () => {
    render(
      <Kit usage={850} limit={1000}>
        <UsageMeter featureId="feature-api" label="Default" />
        <UsageMeter featureId="feature-api" label="Relaxed" warnAt={0.9} />
      </Kit>,
    )
    await settledMeter('Default', 'warning')
    await settledMeter('Relaxed', 'ok')
  })

  it('says in words that the limit is reached or exceeded', async () => {
    const { container } = render(
      <>
        <Kit usage={1000} limit={1000}>
          <UsageMeter featureId="feature-api" label="At limit" />
        </Kit>
        <Kit usage={1020} limit={1000}>
          <UsageMeter featureId="feature-api" label="Over limit" />
        </Kit>
      </>,
    )
    const at = await settledMeter('At limit', 'exceeded')
    expect(at).toHaveAttribute('aria-valuetext', '1,000 of 1,000 API calls used, limit reached')
    const over = await settledMeter('Over limit', 'exceeded')
    expect(over).toHaveAttribute('aria-valuetext', '1,020 of 1,000 API calls used, over limit by 20 API calls')
    expect(over).toHaveAttribute('aria-valuenow', '1000')
    expect(container.querySelectorAll('[data-stigg-meter-fill][data-state="exceeded"]')).toHaveLength(2)
    expect(screen.getByText('1,020 of 1,000 API calls used, over limit by 20 API calls')).toBeVisible()
    await expectNoAxeViolations(container)
  })

  it('says Unlimited without a fake percentage', async () => {
    const seen: Array<number | null> = []
    const { container } = render(
      <Kit usage={250000} limit={null}>
        <UsageMeter featureId="feature-api" label="API calls" />
        <UsageMeter featureId="feature-api" aria-label="Custom">
          {({ percentage, state }) => {
            seen.push(percentage)
            return <span>{state}</span>
          }}
        </UsageMeter>
      </Kit>,
    )
    const meter = await settledMeter('API calls', 'unlimited')
    expect(meter).toHaveAttribute('aria-valuetext', 'Unlimited — 250,000 API calls used')
    expect(meter).toHaveAttribute('aria-valuenow', '250000')
    expect(container.querySelector('[data-stigg-meter-fill]')).not.toHaveAttribute('style')
    await screen.findByText('unlimited')
    expect(seen.every((percentage) => percentage === null)).toBe(true)
    await expectNoAxeViolations(container)
  })

  it('never renders NaN or Infinity for a zero limit', async () => {
    const { container } = render(
      <Kit usage={0} limit={0}>
        <UsageMeter featureId="feature-api" label="API calls" />
      </Kit>,
    )
    const meter = await settledMeter('API calls', 'exceeded')
    expect(meter).toHaveAttribute('aria-valuetext', '0 of 0 API calls used, limit reached')
    expect(meter).toHaveAttribute('aria-valuemax', '0')
    expect(meter).toHaveAttribute('aria-valuenow', '0')
    expect(container.innerHTML).not.toMatch(/NaN|Infinity/)
    expect(container.querySelector('[data-stigg-meter-fill]')).toHaveStyle({ width: '100%' })
  })

  it('says when the feature is not in the plan', async () => {
    render(
      <StiggTestProvider customerId="c1" entitlements={{ 'feature-api': { usageLimit: 10, isGranted: false } }}>
        <UsageMeter featureId="feature-api" label="API calls" />
      </StiggTestProvider>,
    )
    const meter = await settledMeter('API calls', 'exceeded')
    expect(meter).toHaveAttribute('aria-valuetext', 'Not included in your plan')
  })

  it('formats numbers and dates in the provider locale', async () => {
    render(
      <>
        <Kit usage={1500} limit={10000} locale="en-US">
          <UsageMeter featureId="feature-api" label="English" showReset />
        </Kit>
        <Kit usage={1500} limit={10000} locale="de-DE">
          <UsageMeter featureId="feature-api" label="German" showReset />
        </Kit>
      </>,
    )
    const english = await settledMeter('English', 'ok')
    const german = await settledMeter('German', 'ok')
    expect(english.getAttribute('aria-valuetext')).toMatch(/^1,500 of 10,000 API calls used, resets [A-Z][a-z]{2} \d{1,2}$/)
    expect(german.getAttribute('aria-valuetext')).toMatch(/^1\.500 of 10\.000 API calls used, resets \d{1,2}\. \S+$/)
  })

  it('uses formatValue for every number', async () => {
    render(
      <Kit usage={1500} limit={10000}>
        <UsageMeter featureId="feature-api" label="API calls" formatValue={(n) => `${n / 1000}k`} />
      </Kit>,
    )
    const meter = await settledMeter('API calls', 'ok')
    expect(meter).toHaveAttribute('aria-valuetext', '1.5k of 10k API calls used')
  })

  it('spreads div props last, merges className and style, and forwards the ref', async () => {
    const ref = createRef<HTMLDivElement>()
    render(
      <Kit usage={300} limit={1000}>
        <UsageMeter
          ref={ref}
          featureId="feature-api"
          label="API calls"
          className="usage"
          style={{ maxWidth: 320 }}
          id="api-meter"
          data-testid="meter"
          aria-describedby="help"
          aria-valuetext="Custom words"
        />
        <p id="help">Resets monthly</p>
      </Kit>,
    )
    const meter = await settledMeter('API calls', 'ok')
    expect(ref.current).toBe(meter)
    expect(meter).toHaveClass('usage')
    expect(meter).toHaveStyle({ maxWidth: '320px' })
    expect(meter).toHaveAttribute('id', 'api-meter')
    expect(meter).toHaveAttribute('aria-valuetext', 'Custom words')
    expect(meter).toHaveAccessibleDescription('Resets monthly')
    expect(screen.getByTestId('meter')).toBe(meter)
  })

  it('takes aria-labelledby from the caller, alone or with label', async () => {
    render(
      <Kit usage={1} limit={10}>
        <h2 id="heading">Usage</h2>
        <UsageMeter featureId="feature-api" aria-labelledby="heading" />
        <UsageMeter featureId="feature-api" aria-labelledby="heading" label="this month" />
      </Kit>,
    )
    expect(await screen.findByRole('meter', { name: 'Usage' })).toBeInTheDocument()
    expect(await screen.findByRole('meter', { name: 'Usage this month' })).toBeInTheDocument()
  })

  it('lets a render function draw the inside, keeping the meter role and label', async () => {
    const { container } = render(
      <Kit usage={3} limit={10}>
        <UsageMeter featureId="feature-api" label="Exports">
          {({ current, limit, state }) => <strong>{`${current}/${limit} (${state})`}</strong>}
        </UsageMeter>
      </Kit>,
    )
    const meter = await settledMeter('Exports', 'ok')
    expect(meter).toContainHTML('<strong>3/10 (ok)</strong>')
    expect(container.querySelector('[data-stigg-meter-track]')).toBeNull()
  })

  it('moves when usage is reported, and reaches exceeded at the limit', async () => {
    const stigg = createTestStigg({ customerId: 'c1', entitlements: { 'feature-api': { usageLimit: 5, currentUsage: 3, ...units } } })
    function Reporter() {
      const report = useReportUsage()
      return (
        <button type="button" disabled={report.isPending} onClick={() => report.mutate({ featureId: 'feature-api', value: 1 })}>
          Call the API
        </button>
      )
    }
    render(
      <stigg.Provider>
        <UsageMeter featureId="feature-api" label="API calls" />
        <FeatureGate featureId="feature-api" fallback={<p>Out of calls</p>}>
          <Reporter />
        </FeatureGate>
      </stigg.Provider>,
    )
    const meter = await settledMeter('API calls', 'ok')
    expect(meter).toHaveAttribute('aria-valuenow', '3')

    fireEvent.click(await screen.findByRole('button', { name: 'Call the API' }))
    await waitFor(() => expect(meter).toHaveAttribute('aria-valuenow', '4'))
    expect(meter).toHaveAttribute('aria-valuetext', '4 of 5 API calls used')
    expect(meter).toHaveAttribute('data-state', 'warning')
    await waitFor(() => expect(screen.getByRole('button', { name: 'Call the API' })).toBeEnabled())
    expect(stigg.getUsage('feature-api')).toBe(4)

    fireEvent.click(screen.getByRole('button', { name: 'Call the API' }))
    await waitFor(() => expect(meter).toHaveAttribute('data-state', 'exceeded'))
    expect(meter).toHaveAttribute('aria-valuenow', '5')
    expect(meter).toHaveAttribute('aria-valuetext', '5 of 5 API calls used, limit reached')
    expect(await screen.findByText('Out of calls')).toBeInTheDocument()
    await waitFor(() => expect(stigg.getUsage('feature-api')).toBe(5))
  })

  it('follows usage changed mid-test', async () => {
    const stigg = createTestStigg({ customerId: 'c1', entitlements: { 'feature-api': { usageLimit: 100, currentUsage: 10, ...units } } })
    render(
      <stigg.Provider>
        <UsageMeter featureId="feature-api" label="API calls" />
      </stigg.Provider>,
    )
    const meter = await settledMeter('API calls', 'ok')
    await act(() => stigg.setUsage('feature-api', 120))
    await waitFor(() => expect(meter).toHaveAttribute('aria-valuetext', '120 of 100 API calls used, over limit by 20 API calls'))
    expect(meter).toHaveAttribute('data-state', 'exceeded')
  })
})

describe('useUsageMeter', () => {
  it('returns values, meterProps and labelProps', async () => {
    const stigg = createTestStigg({ customerId: 'c1', entitlements: { 'feature-api': { usageLimit: 200, currentUsage: 50, ...units } } })
    const { result } = renderHook(() => useUsageMeter('feature-api', { label: 'API calls', showReset: true }), {
      wrapper: stigg.wrapper,
    })
    expect(result.current.state).toBe('loading')
    expect(result.current.meterProps['aria-busy']).toBe(true)
    await waitFor(() => expect(result.current.state).toBe('ok'))
    expect(result.current).toMatchObject({ current: 50, limit: 200, percentage: 25 })
    expect(result.current.resetsAt).toBeInstanceOf(Date)
    expect(result.current.meterProps).toMatchObject({
      role: 'meter',
      'aria-valuemin': 0,
      'aria-valuemax': 200,
      'aria-valuenow': 50,
      'aria-labelledby': result.current.labelProps.id,
      'data-state': 'ok',
    })
    expect(result.current.meterProps['aria-busy']).toBeUndefined()
  })

  it('names itself when used outside a provider', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    expect(() => renderHook(() => useUsageMeter('feature-api'))).toThrow('`useUsageMeter` must be used within `<StiggProvider>`')
  })
})

describe('<UsageMeter> development warnings', () => {
  it('warns once when the meter has no accessible name', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const tree = (warnAt: number) => (
      <Kit usage={1} limit={10}>
        <UsageMeter featureId="feature-unnamed" warnAt={warnAt} />
      </Kit>
    )
    const { rerender } = render(tree(0.8))
    rerender(tree(0.7))
    await screen.findByRole('meter')
    const calls = error.mock.calls.filter(([message]) => String(message).includes('has no accessible name'))
    expect(calls).toHaveLength(1)
    expect(String(calls[0]?.[0])).toContain('<UsageMeter featureId="feature-unnamed">')
  })

  it('warns about a warnAt outside 0–1 and uses it clamped', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    render(
      <Kit usage={850} limit={1000}>
        <UsageMeter featureId="feature-api" label="API calls" warnAt={80} />
      </Kit>,
    )
    await settledMeter('API calls', 'ok')
    expect(error.mock.calls.filter(([message]) => String(message).includes('warnAt=80'))).toHaveLength(1)
  })
})
