import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, within } from 'storybook/test'
import { useAwaitEntitlement } from 'react-stigg'
import { StiggTestProvider } from 'react-stigg/testing'

interface AwaitStatusProps {
  featureId: string
  timeoutMs: number
}

/** What an app shows while access is on its way: the states of `useAwaitEntitlement`. */
function AwaitStatus({ featureId, timeoutMs }: AwaitStatusProps) {
  const wait = useAwaitEntitlement(featureId, { timeoutMs })
  if (wait.status === 'error') {
    return (
      <div role="alert" data-status={wait.status}>
        <p>Not active yet ({wait.error?.code}).</p>
        <button type="button" onClick={wait.restart}>
          Keep waiting
        </button>
      </div>
    )
  }
  return (
    <p role="status" data-status={wait.status}>
      {wait.status === 'granted' ? 'Advanced analytics is active.' : 'Activating advanced analytics…'}
    </p>
  )
}

type Args = AwaitStatusProps & { customerId: string }

const meta = {
  title: 'Hooks/useAwaitEntitlement',
  component: AwaitStatus,
  tags: ['autodocs'],
  render: ({ customerId, ...props }) => (
    <StiggTestProvider key={`${customerId}-${props.timeoutMs}`} customerId={customerId} locale="en-US">
      <AwaitStatus {...props} />
    </StiggTestProvider>
  ),
  args: { customerId: 'customer-free', featureId: 'feature-analytics', timeoutMs: 60_000 },
  argTypes: { customerId: { control: 'select', options: ['customer-free', 'customer-pro'] } },
} satisfies Meta<Args>

export default meta
type Story = StoryObj<typeof meta>

/** The Free customer has no analytics and nothing grants it: the wait goes on. */
export const Waiting: Story = {
  play: async ({ canvasElement }) => {
    const status = await within(canvasElement).findByRole('status')
    await expect(status).toHaveTextContent('Activating advanced analytics…')
    await new Promise((resolve) => setTimeout(resolve, 600))
    await expect(status).toHaveAttribute('data-status', 'waiting')
  },
}

/** The Pro customer already has it: the wait ends at the first answer. */
export const Granted: Story = {
  args: { customerId: 'customer-pro' },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('Advanced analytics is active.')).toHaveAttribute('data-status', 'granted')
  },
}

/** Nothing arrived within `timeoutMs`: an alert, with a way to keep waiting. */
export const TimedOut: Story = {
  args: { timeoutMs: 400 },
  play: async ({ canvasElement }) => {
    const alert = await within(canvasElement).findByRole('alert', {}, { timeout: 3000 })
    await expect(alert).toHaveTextContent('Not active yet (TIMEOUT).')
    await expect(within(alert).getByRole('button', { name: 'Keep waiting' })).toBeVisible()
  },
}
