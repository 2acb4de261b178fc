import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, waitFor } from 'storybook/test'
import type { UsageMeterState } from 'react-stigg'
import { ApiConsole, type ApiConsoleProps } from './ApiConsole'
import { allStatesStory, stateStory as stateStoryOf, type Canvas, type StateChecks } from './stateStories'
import { withStigg } from './withStigg'
import {
  defaultSeed,
  seedArgTypes,
  splitSeed,
  type StiggSeedArgs,
  type StiggStateName,
} from './stiggStates'

type Args = ApiConsoleProps & Partial<StiggSeedArgs>

const meta = {
  title: 'StiggProvider/States',
  component: ApiConsole,
  tags: ['autodocs'],
  decorators: [withStigg],
  render: (args) => <ApiConsole {...splitSeed(args).rest} />,
  // The seed in args too, so Controls start from the values the story actually shows.
  args: { ...defaultSeed, step: 50 },
  argTypes: {
    ...seedArgTypes,
    step: { control: { type: 'number', min: 1, step: 10 } },
  },
} satisfies Meta<Args>

export default meta
type Story = StoryObj<typeof meta>

const isBadge = (_: string, element: Element | null) => element?.classList.contains('plan-badge') === true
const date = String.raw`[A-Z][a-z]{2} \d{1,2}`
const button = 'Make 50 API calls'

/** What the gate shows: the button, a fallback sentence, the loading text or the error alert. */
type GateView = { button: true } | { text: string } | { alert: string }

/** One provider state as a person sees it: the badge, the meter and the gate together. */
const seesAll = (badge: RegExp, meter: UsageMeterState, gate: GateView) => async (canvas: Canvas) => {
  await waitFor(() => expect(canvas.getByText(isBadge)).toHaveTextContent(badge))
  await waitFor(() => expect(canvas.getByRole('meter', { name: 'API calls' })).toHaveAttribute('data-state', meter))
  if ('button' in gate) {
    await expect(await canvas.findByRole('button', { name: button })).toBeEnabled()
    return
  }
  if ('text' in gate) await expect(await canvas.findByText(gate.text)).toBeVisible()
  else await expect(await canvas.findByRole('alert')).toHaveTextContent(gate.alert)
  await expect(canvas.queryByRole('button', { name: button })).not.toBeInTheDocument()
}

const open = { button: true } as const
const cannotCheck = { alert: 'We couldn’t check your access.' }

/** What a person sees in each state. */
const sees: StateChecks = {
  Loading: seesAll(/^Loading plan…$/, 'loading', { text: 'Checking access…' }),
  Granted: seesAll(/^Pro Active$/, 'ok', open),
  Denied: seesAll(/^Free Active · API calls not included$/, 'exceeded', {
    text: 'API access is not in your plan. Upgrade to Pro.',
  }),
  // 950 + 50 still fits the 1,000 limit.
  NearLimit: seesAll(/^Pro Active · 50 API calls left$/, 'warning', open),
  Exceeded: seesAll(/^Pro Active · Out of API calls$/, 'exceeded', {
    text: 'Fewer than 50 API calls left this period. Upgrade for more.',
  }),
  Unlimited: seesAll(/^Enterprise Active · Unlimited API calls$/, 'unlimited', open),
  ServerError: seesAll(/^Plan unavailable$/, 'error', cannotCheck),
  NetworkError: seesAll(/^Plan unavailable$/, 'error', cannotCheck),
  Trial: seesAll(new RegExp(`^Pro Trial, ends ${date}$`), 'ok', open),
  Canceled: seesAll(new RegExp(`^Pro Canceled, ends ${date}$`), 'ok', open),
  Paused: seesAll(/^Pro Paused$/, 'exceeded', { text: 'Your subscription is not active, so API access is off.' }),
  SignedOut: seesAll(/^Signed out$/, 'error', { text: 'Sign in to use the API.' }),
}

const stateStory = (name: StiggStateName): Story => stateStoryOf(name, sees)

export const Loading = stateStory('Loading')
export const Granted = stateStory('Granted')
export const Denied = stateStory('Denied')
export const NearLimit = stateStory('NearLimit')
export const Exceeded = stateStory('Exceeded')
export const Unlimited = stateStory('Unlimited')
export const ServerError = stateStory('ServerError')
export const NetworkError = stateStory('NetworkError')
export const Trial = stateStory('Trial')
export const Canceled = stateStory('Canceled')
export const Paused = stateStory('Paused')
export const SignedOut = stateStory('SignedOut')

/**
 * Click until the limit: each report goes through the real client to the emulator, the meter
 * moves, and at 1,000 of 1,000 the gate closes.
 */
export const UseUntilExceeded: Story = {
  args: { usage: 900 },
  play: async ({ canvas, userEvent }) => {
    const meter = await canvas.findByRole('meter', { name: 'API calls' })
    await waitFor(() => expect(meter).toHaveAttribute('aria-valuenow', '900'))
    await userEvent.click(await canvas.findByRole('button', { name: button }))
    await waitFor(() => expect(meter).toHaveAttribute('aria-valuenow', '950'))
    await waitFor(() => expect(meter).toHaveAttribute('data-state', 'warning'))
    await userEvent.click(await canvas.findByRole('button', { name: button }))
    await waitFor(() => expect(meter).toHaveAttribute('aria-valuenow', '1000'))
    await waitFor(() => expect(meter).toHaveAttribute('data-state', 'exceeded'))
    await expect(await canvas.findByText('Fewer than 50 API calls left this period. Upgrade for more.')).toBeVisible()
    await expect(canvas.queryByRole('button', { name: button })).not.toBeInTheDocument()
    await waitFor(() => expect(canvas.getByText(isBadge)).toHaveTextContent(/^Pro Active · Out of API calls$/))
  },
}

/** Every state side by side, each with its own emulator. */
export const AllStates: Story = allStatesStory<Args>('provider', sees, (rest) => <ApiConsole {...rest} />)
