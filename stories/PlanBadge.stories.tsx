import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, waitFor } from 'storybook/test'
import { PlanBadge, type PlanBadgeProps } from './PlanBadge'
import { allStatesStory, stateStory as stateStoryOf, type Canvas, type StateChecks } from './stateStories'
import { withStigg } from './withStigg'
import {
  defaultSeed,
  seedArgTypes,
  splitSeed,
  type StiggSeedArgs,
  type StiggStateName,
} from './stiggStates'

type Args = PlanBadgeProps & Partial<StiggSeedArgs>

const meta = {
  title: 'Subscription/PlanBadge',
  component: PlanBadge,
  tags: ['autodocs'],
  decorators: [withStigg],
  render: (args) => <PlanBadge {...splitSeed(args).rest} />,
  // The seed in args too, so Controls start from the values the story actually shows.
  args: { ...defaultSeed, featureId: 'feature-api-calls', warnAt: 0.8 },
  argTypes: {
    ...seedArgTypes,
    warnAt: { control: { type: 'range', min: 0, max: 1, step: 0.05 } },
  },
} satisfies Meta<Args>

export default meta
type Story = StoryObj<typeof meta>

const isBadge = (_: string, element: Element | null) => element?.classList.contains('plan-badge') === true

/** The badge settles on exactly `text` (loaded, stuck or failed). */
const reads = (text: RegExp) => async (canvas: Canvas) => {
  await waitFor(() => expect(canvas.getByText(isBadge)).toHaveTextContent(text))
  await expect(canvas.getByText(isBadge)).toBeVisible()
}

const date = String.raw`[A-Z][a-z]{2} \d{1,2}`

/** What a person sees in each state. */
const sees: StateChecks = {
  Loading: reads(/^Loading plan…$/),
  Granted: reads(/^Pro Active$/),
  Denied: reads(/^Free Active · API calls not included$/),
  NearLimit: reads(/^Pro Active · 50 API calls left$/),
  Exceeded: reads(/^Pro Active · Out of API calls$/),
  Unlimited: reads(/^Enterprise Active · Unlimited API calls$/),
  ServerError: reads(/^Plan unavailable$/),
  NetworkError: reads(/^Plan unavailable$/),
  Trial: reads(new RegExp(`^Pro Trial, ends ${date}$`)),
  Canceled: reads(new RegExp(`^Pro Canceled, ends ${date}$`)),
  Paused: reads(/^Pro Paused$/),
  SignedOut: reads(/^Signed out$/),
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
export const AllStates: Story = allStatesStory<Args>('badge', sees, (rest) => <PlanBadge {...rest} />)
