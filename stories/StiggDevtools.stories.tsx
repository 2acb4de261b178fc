import type { Meta, StoryObj } from '@storybook/react-vite'
import { useState } from 'react'
import { UsageMeter } from 'react-stigg'
import { StiggDevtools, type StiggDevtoolsProps } from 'react-stigg/devtools'
import { validateCatalog } from 'react-stigg/emulator'
import { createTestStigg } from 'react-stigg/testing'
import { expect, userEvent, waitFor, within } from 'storybook/test'
// The demo's product, the same file that seeds the demo's emulator and types demo/src/stigg.d.ts.
import demoCatalog from '../demo/catalog.json'

const catalog = validateCatalog(demoCatalog)

/** The panel over the test kit; with `drive`, its controls drive the kit's emulator (no dev server needed). */
function DevtoolsStory({ drive = false, ...props }: StiggDevtoolsProps & { drive?: boolean }) {
  const [stigg] = useState(() => {
    // Each story starts closed unless it asks otherwise, whatever an earlier story remembered.
    localStorage.removeItem('react-stigg-devtools-open')
    return createTestStigg({ catalog, subscription: { planId: 'plan-pro' } })
  })
  return (
    <stigg.Provider>
      <UsageMeter featureId="feature-api-calls" label="API calls" />
      <StiggDevtools {...props} controls={drive} driver={drive ? stigg.devtools : undefined} />
    </stigg.Provider>
  )
}

const meta = {
  title: 'Devtools/StiggDevtools',
  component: DevtoolsStory,
  tags: ['autodocs'],
  args: { drive: false },
  parameters: { stigg: false },
} satisfies Meta<typeof DevtoolsStory>

export default meta
type Story = StoryObj<typeof meta>

/** Closed: one button, reachable by keyboard. */
export const Closed: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const toggle = canvas.getByRole('button', { name: 'Stigg devtools' })
    await expect(toggle).toHaveAttribute('aria-expanded', 'false')
    await userEvent.tab()
    await expect(toggle).toHaveFocus()
  },
}

/** Open: customer, plan and status, and each cached entitlement with its source and age. */
export const Open: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: 'Stigg devtools' }))
    const panel = canvas.getByRole('region', { name: 'Stigg devtools' })
    await waitFor(() => expect(within(panel).getByTestId('devtools-customer')).toHaveTextContent('customer-test'))
    await waitFor(() => expect(panel.querySelector('[data-feature-id="feature-api-calls"]')).toHaveAttribute('data-source', 'network'))
    await expect(panel.querySelector('[data-feature-id="feature-api-calls"]')).toHaveTextContent('0 / 10000')
    await waitFor(() => expect(within(panel).getByTestId('devtools-plan')).toHaveTextContent('Pro · ACTIVE'))
  },
}

/** Driving the emulator: usage to the limit, and the meter says so. */
export const Driving: Story = {
  args: { drive: true, initialIsOpen: true },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const panel = await canvas.findByRole('region', { name: 'Stigg devtools' })
    await waitFor(() => expect(within(panel).getByRole('button', { name: 'Set usage' })).toBeEnabled())
    await userEvent.selectOptions(within(panel).getByLabelText('Feature'), 'feature-api-calls')
    await userEvent.type(within(panel).getByRole('spinbutton', { name: 'Usage' }), '10000')
    await userEvent.click(within(panel).getByRole('button', { name: 'Set usage' }))
    await waitFor(() => expect(canvas.getByRole('meter', { name: /API calls/ })).toHaveAttribute('data-state', 'exceeded'))
    await waitFor(() => expect(within(panel).getByRole('list', { name: 'Devtools log' })).toHaveTextContent('customer-test: usage of feature-api-calls set to 10000'))
  },
}
