import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, waitFor, within } from 'storybook/test'
import { UsageMeter, type UsageMeterProps, type UsageMeterState } from 'react-stigg'
import { allStatesStory, stateStory as stateStoryOf, type Canvas, type StateChecks } from './stateStories'
import { withStigg } from './withStigg'
import {
  defaultSeed,
  seedArgTypes,
  splitSeed,
  storyFeature,
  type StiggSeedArgs,
  type StiggStateName,
} from './stiggStates'

type Args = UsageMeterProps & Partial<StiggSeedArgs>

const meta = {
  title: 'Components/UsageMeter',
  component: UsageMeter,
  tags: ['autodocs'],
  decorators: [withStigg],
  render: (args) => <UsageMeter {...splitSeed(args).rest} />,
  // The seed in args too, so Controls start from the values the story actually shows.
  args: { ...defaultSeed, featureId: storyFeature.id, label: 'API calls', warnAt: 0.8 },
  argTypes: {
    ...seedArgTypes,
    warnAt: { control: { type: 'range', min: 0, max: 1, step: 0.05 } },
    showReset: { control: 'boolean' },
    children: { control: false },
    formatValue: { control: false },
  },
} satisfies Meta<Args>

export default meta
type Story = StoryObj<typeof meta>

/** The meter a person (or a screen reader) finds, in the given state, saying `text`. */
const shows = (state: UsageMeterState, text: string) => async (canvas: Canvas) => {
  const meter = await canvas.findByRole('meter', { name: 'API calls' })
  await waitFor(() => expect(meter).toHaveAttribute('data-state', state))
  await expect(meter).toHaveAttribute('aria-valuetext', text)
  await expect(canvas.getByText(text)).toBeVisible()
  if (state === 'loading') await expect(meter).toHaveAttribute('aria-busy', 'true')
  else await expect(meter).not.toHaveAttribute('aria-busy')
}

const ok = shows('ok', '300 of 1,000 API calls used')
const notInPlan = shows('exceeded', 'Not included in your plan')
const unavailable = shows('error', 'Usage unavailable')

/** What a person sees in each state. */
const sees: StateChecks = {
  Loading: shows('loading', 'Loading usage…'),
  Granted: ok,
  Denied: notInPlan,
  NearLimit: shows('warning', '950 of 1,000 API calls used'),
  Exceeded: shows('exceeded', '1,000 of 1,000 API calls used, limit reached'),
  Unlimited: shows('unlimited', 'Unlimited — 250,000 API calls used'),
  ServerError: unavailable,
  NetworkError: unavailable,
  Trial: ok,
  Canceled: ok,
  // A paused subscription grants nothing, so the feature reads as outside the plan.
  Paused: notInPlan,
  // Signed out there is no usage to show.
  SignedOut: unavailable,
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

/** Over the limit, the words say so, not only the colour. */
export const OverLimit: Story = {
  args: { usage: 1250 },
  play: ({ canvasElement }) =>
    shows('exceeded', '1,250 of 1,000 API calls used, over limit by 250 API calls')(within(canvasElement)),
}

/** With `showReset`, the text says when the count starts again. */
export const WithReset: Story = {
  args: { showReset: true },
  play: async ({ canvas }) => {
    const meter = await canvas.findByRole('meter', { name: 'API calls' })
    await waitFor(() => expect(meter).toHaveAttribute('aria-valuetext', expect.stringMatching(/^300 of 1,000 API calls used, resets [A-Z][a-z]{2} \d{1,2}$/)))
  },
}

/** Every state side by side, each with its own emulator. */
export const AllStates: Story = allStatesStory<Args>('meter', sees, (rest) => <UsageMeter {...rest} />)
