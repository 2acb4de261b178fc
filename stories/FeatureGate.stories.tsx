import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect } from 'storybook/test'
import { FeatureGate, type FeatureGateProps } from 'react-stigg'
import { gateSlots } from './gateSlots'
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

// The stories gate one feature; seed args are optional, each story sets only what it changes.
type Args = Extract<FeatureGateProps, { featureId: string }> & Partial<StiggSeedArgs>

const slot = { control: false, table: { category: 'Slots' } } as const

const meta = {
  title: 'Components/FeatureGate',
  component: FeatureGate,
  tags: ['autodocs'],
  decorators: [withStigg],
  render: (args) => <FeatureGate {...splitSeed(args).rest} />,
  // The seed in args too, so Controls start from the values the story actually shows.
  args: { ...defaultSeed, featureId: storyFeature.id, ...gateSlots },
  argTypes: {
    ...seedArgTypes,
    requestedUsage: { control: { type: 'number', min: 0 } },
    children: slot,
    fallback: slot,
    loading: slot,
    error: slot,
  },
} satisfies Meta<Args>

export default meta
type Story = StoryObj<typeof meta>

const granted = async (canvas: Canvas, left: string) => {
  await expect(await canvas.findByRole('button', { name: 'Call the API' })).toBeVisible()
  await expect(canvas.getByText(left)).toBeVisible()
}

const denied = async (canvas: Canvas, text: string) => {
  await expect(await canvas.findByText(text)).toBeVisible()
  await expect(canvas.queryByRole('button', { name: 'Call the API' })).not.toBeInTheDocument()
}

const failed = async (canvas: Canvas) => {
  await expect(await canvas.findByRole('alert')).toHaveTextContent('We couldn’t check your access.')
  await expect(canvas.getByRole('button', { name: 'Try again' })).toBeVisible()
  await expect(canvas.queryByRole('button', { name: 'Call the API' })).not.toBeInTheDocument()
}

/** What a person sees in each state. */
const sees: StateChecks = {
  Loading: async (canvas) => {
    await expect(await canvas.findByText('Checking access…')).toBeVisible()
    await expect(canvas.queryByRole('button')).not.toBeInTheDocument()
  },
  Granted: (canvas) => granted(canvas, '700 API calls left this period'),
  Denied: (canvas) => denied(canvas, 'API access is not in your plan. Upgrade to Pro.'),
  NearLimit: (canvas) => granted(canvas, '50 API calls left this period'),
  Exceeded: (canvas) => denied(canvas, 'You’ve used every API call this period. Upgrade for more.'),
  Unlimited: (canvas) => granted(canvas, 'Unlimited API calls'),
  ServerError: failed,
  NetworkError: failed,
  Trial: (canvas) => granted(canvas, '700 API calls left this period'),
  // Canceled keeps access until the period it paid for ends.
  Canceled: (canvas) => granted(canvas, '700 API calls left this period'),
  Paused: (canvas) => denied(canvas, 'Your subscription is not active, so API access is off.'),
  SignedOut: (canvas) => denied(canvas, 'Sign in to use the API.'),
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

/** Every state side by side, each with its own emulator. */
export const AllStates: Story = allStatesStory<Args>('gate', sees, (rest) => <FeatureGate {...rest} />)
