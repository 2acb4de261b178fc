import type { Meta, StoryObj } from '@storybook/react-vite'
import type { ReactNode } from 'react'
import { expect, fn, waitFor, within } from 'storybook/test'
import { Paywall, type PaywallProps } from 'react-stigg'
import { StiggTestProvider } from 'react-stigg/testing'
import { StiggStory } from './StiggStory'
import { defaultSeed } from './stiggStates'

type Canvas = ReturnType<typeof within>

/** Where the story's plans come from: a seeded demo customer on the default catalog, or a stuck or failing backend. */
type Backend = 'customer-free' | 'customer-pro' | 'customer-enterprise' | 'loading' | 'error'
type Args = PaywallProps & { backend: Backend }

function PaywallBackend({ backend, children }: { backend: Backend; children: ReactNode }) {
  if (backend === 'loading' || backend === 'error') return <StiggStory seed={{ ...defaultSeed, backend }}>{children}</StiggStory>
  return (
    <StiggTestProvider key={backend} customerId={backend} locale="en-US">
      {children}
    </StiggTestProvider>
  )
}

const meta = {
  title: 'Components/Paywall',
  component: Paywall,
  tags: ['autodocs'],
  render: ({ backend, ...props }) => (
    <PaywallBackend backend={backend}>
      <Paywall {...props} />
    </PaywallBackend>
  ),
  args: { backend: 'customer-free', onSelect: fn() },
  argTypes: {
    backend: { control: 'select', options: ['customer-free', 'customer-pro', 'customer-enterprise', 'loading', 'error'] },
    children: { control: false },
    renderPlan: { control: false },
    selectLabel: { control: false },
  },
} satisfies Meta<Args>

export default meta
type Story = StoryObj<typeof meta>

/** The paywall's root: the element around its status or alert. */
const root = (message: HTMLElement) => message.closest('[data-stigg-paywall]')

/** The plans settle with `current` on `plan` and the others up or down from it, in display order. */
const currentIs = (plan: 'Free' | 'Pro' | 'Enterprise') => async (canvas: Canvas) => {
  const order = ['Free', 'Pro', 'Enterprise'] as const
  const at = order.indexOf(plan)
  for (const [i, name] of order.entries()) {
    const group = await canvas.findByRole('group', { name })
    await waitFor(() => expect(group).toHaveAttribute('data-state', i === at ? 'current' : i < at ? 'downgrade' : 'upgrade'))
  }
  const current = canvas.getByRole('group', { name: plan })
  await expect(current).toHaveAttribute('aria-current', 'true')
  await expect(within(current).getByText('Current plan')).toBeVisible()
  await expect(within(current).queryByRole('button')).toBeNull()
  await expect(canvas.getByRole('list', { name: 'Plans' })).toBeVisible()
}

const sees = {
  Loading: async (canvas: Canvas) => {
    const status = await canvas.findByRole('status')
    await expect(status).toHaveTextContent('Loading plans…')
    await expect(root(status)).toHaveAttribute('data-state', 'loading')
  },
  FreeCustomer: currentIs('Free'),
  ProCustomer: currentIs('Pro'),
  EnterpriseCustomer: currentIs('Enterprise'),
  Error: async (canvas: Canvas) => {
    const alert = await canvas.findByRole('alert')
    await expect(alert).toHaveTextContent('Plans could not be loaded.')
    await expect(root(alert)).toHaveAttribute('data-state', 'error')
  },
}

export const Loading: Story = { args: { backend: 'loading' }, play: ({ canvasElement }) => sees.Loading(within(canvasElement)) }

/** Pro and Enterprise are upgrades; choosing one calls `onSelect` with the plan. */
export const FreeCustomer: Story = {
  args: { backend: 'customer-free' },
  play: async ({ canvasElement, args, userEvent }) => {
    const canvas = within(canvasElement)
    await sees.FreeCustomer(canvas)
    await expect(within(canvas.getByRole('group', { name: 'Pro' })).getByText('Advanced analytics')).toHaveAttribute('data-added')
    await userEvent.click(canvas.getByRole('button', { name: 'Upgrade to Pro' }))
    await expect(args.onSelect).toHaveBeenCalledWith(expect.objectContaining({ id: 'plan-pro', state: 'upgrade' }))
  },
}

export const ProCustomer: Story = { args: { backend: 'customer-pro' }, play: ({ canvasElement }) => sees.ProCustomer(within(canvasElement)) }
export const EnterpriseCustomer: Story = {
  args: { backend: 'customer-enterprise' },
  play: ({ canvasElement }) => sees.EnterpriseCustomer(within(canvasElement)),
}
export const Error: Story = { args: { backend: 'error' }, play: ({ canvasElement }) => sees.Error(within(canvasElement)) }

/** Every state side by side, each with its own emulator. */
export const AllStates: Story = {
  parameters: { controls: { disable: true } },
  render: (args) => (
    <div className="story-grid">
      {(Object.keys(sees) as (keyof typeof sees)[]).map((name) => (
        <section key={name} aria-labelledby={`paywall-${name}`} className="story-cell">
          <h2 id={`paywall-${name}`}>{name}</h2>
          <PaywallBackend backend={({ Loading: 'loading', FreeCustomer: 'customer-free', ProCustomer: 'customer-pro', EnterpriseCustomer: 'customer-enterprise', Error: 'error' } as const)[name]}>
            <Paywall onSelect={args.onSelect} headingLevel={3} listLabel={`Plans (${name})`} />
          </PaywallBackend>
        </section>
      ))}
    </div>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    for (const name of Object.keys(sees) as (keyof typeof sees)[]) {
      const region = within(canvas.getByRole('region', { name }))
      if (name === 'Loading' || name === 'Error') await sees[name](region)
      else await waitFor(() => expect(region.getByRole('list', { name: `Plans (${name})` })).toBeVisible())
    }
  },
}
