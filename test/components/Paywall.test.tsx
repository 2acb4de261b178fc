import { fireEvent, render, renderHook, screen, waitFor, within } from '@testing-library/react'
import axe from 'axe-core'
import { createRef } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { Paywall, StiggError, usePaywall, type PaywallPlan } from 'react-stigg'
import { createTestStigg } from 'react-stigg/testing'

async function expectNoAxeViolations(container: Element) {
  const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } })
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([])
}

const planGroup = (name: string) => screen.getByRole('group', { name })

describe('<Paywall>', () => {
  it('lists the plans as labelled groups with data-state, announces the current one, and passes axe', async () => {
    const stigg = createTestStigg({ customerId: 'customer-pro' })
    const onSelect = vi.fn()
    const { container } = render(<Paywall onSelect={onSelect} className="pricing" />, { wrapper: stigg.wrapper })
    const root = container.firstElementChild!
    expect(root).toHaveAttribute('data-state', 'loading')
    expect(root).toHaveAttribute('aria-busy', 'true')
    expect(screen.getByRole('status')).toHaveTextContent('Loading plans…')
    await waitFor(() => expect(root).toHaveAttribute('data-state', 'ready'))
    expect(root).toHaveClass('pricing')
    expect(root).not.toHaveAttribute('aria-busy')

    const list = screen.getByRole('list', { name: 'Plans' })
    expect(within(list).getAllByRole('group').map((group) => [group.getAttribute('aria-labelledby') !== null, group.getAttribute('data-state')])).toEqual([
      [true, 'downgrade'],
      [true, 'current'],
      [true, 'upgrade'],
    ])
    const pro = planGroup('Pro')
    expect(pro).toHaveAttribute('aria-current', 'true')
    expect(pro).toHaveTextContent('Current plan')
    expect(planGroup('Free')).not.toHaveAttribute('aria-current')
    expect(within(pro).getByRole('heading', { level: 3, name: 'Pro' })).toBeInTheDocument()
    expect(within(pro).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      '10,000 API calls per month',
      '20 seats',
      'Advanced analytics',
      '20 projects',
    ])
    expect(within(planGroup('Enterprise')).getByText('Unlimited API calls')).toHaveAttribute('data-added')
    expect(within(pro).queryByRole('button')).toBeNull()

    fireEvent.click(within(planGroup('Enterprise')).getByRole('button', { name: 'Upgrade to Enterprise' }))
    expect(onSelect).toHaveBeenCalledTimes(1)
    expect((onSelect.mock.calls[0]![0] as PaywallPlan).id).toBe('plan-enterprise')
    expect(within(planGroup('Free')).getByRole('button', { name: 'Switch to Free' })).toBeInTheDocument()
    await expectNoAxeViolations(container)
  })

  it('moves the current marker when the subscription changes', async () => {
    const stigg = createTestStigg({ customerId: 'customer-free' })
    render(<Paywall />, { wrapper: stigg.wrapper })
    await waitFor(() => expect(planGroup('Free')).toHaveAttribute('data-state', 'current'))
    expect(screen.queryAllByRole('button')).toEqual([])
    await stigg.setSubscription({ planId: 'plan-pro' })
    await waitFor(() => expect(planGroup('Pro')).toHaveAttribute('data-state', 'current'))
    expect(planGroup('Free')).toHaveAttribute('data-state', 'downgrade')
  })

  it('renderPlan replaces a plan inside its group; children replace everything', async () => {
    const stigg = createTestStigg({ customerId: 'customer-free' })
    const ref = createRef<HTMLDivElement>()
    const { unmount } = render(
      <Paywall ref={ref} listLabel="Pricing" renderPlan={(plan, { getPlanLabelProps }) => <b {...getPlanLabelProps(plan)}>{plan.name}!</b>} />,
      { wrapper: stigg.wrapper },
    )
    await screen.findByRole('group', { name: 'Pro!' })
    expect(screen.getByRole('list', { name: 'Pricing' })).toBeInTheDocument()
    expect(ref.current).toHaveAttribute('data-stigg-paywall')
    unmount()
    render(<Paywall>{({ state, plans }) => <span>{state}:{plans.length}</span>}</Paywall>, { wrapper: stigg.wrapper })
    await screen.findByText('ready:3')
  })

  it('shows an alert when the plans cannot be loaded', async () => {
    const stigg = createTestStigg({ customerId: 'customer-free' })
    const { container } = render(<Paywall error="No plans right now" />, { wrapper: ({ children }) => <stigg.Provider customerId="customer-nobody">{children}</stigg.Provider> })
    await waitFor(() => expect(container.firstElementChild).toHaveAttribute('data-state', 'error'))
    expect(screen.getByRole('alert')).toHaveTextContent('No plans right now')
    await expectNoAxeViolations(container)
  })
})

describe('usePaywall', () => {
  it('select takes a plan or an id; an unknown id throws a StiggError naming the known plans', async () => {
    const stigg = createTestStigg({ customerId: 'customer-free' })
    const onSelect = vi.fn()
    const { result } = renderHook(() => usePaywall({ onSelect }), { wrapper: stigg.wrapper })
    await waitFor(() => expect(result.current.state).toBe('ready'))
    result.current.select('plan-pro')
    expect(onSelect).toHaveBeenLastCalledWith(expect.objectContaining({ id: 'plan-pro', state: 'upgrade' }))
    let error: unknown
    try {
      result.current.select('plan-platinum')
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(StiggError)
    expect(error).toMatchObject({ code: 'PLAN_NOT_FOUND' })
    expect((error as Error).message).toContain('plan-platinum')
    expect((error as Error).message).toContain('plan-free, plan-pro, plan-enterprise')
    expect(onSelect).toHaveBeenCalledTimes(1)
    const pro = result.current.plans[1]!
    expect(result.current.getPlanProps(pro)).toEqual({ role: 'group', 'aria-labelledby': result.current.getPlanLabelProps(pro).id, 'data-state': 'upgrade' })
    expect(result.current.getPlanProps(result.current.plans[0]!)).toMatchObject({ 'aria-current': 'true', 'data-state': 'current' })
  })

  it('must be used within <StiggProvider>', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    expect(() => renderHook(() => usePaywall())).toThrow('`usePaywall` must be used within `<StiggProvider>`.')
  })
})
