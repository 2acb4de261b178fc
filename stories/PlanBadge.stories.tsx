import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, waitFor, within } from 'storybook/test'
import { PlanBadge, type PlanBadgeProps } from './PlanBadge'
import { StiggStory } from './StiggStory'
import { withStigg } from './withStigg'
import {
  defaultSeed,
  seedArgTypes,
  splitSeed,
  stiggStateNames,
  stiggStates,
  type StiggSeedArgs,
  type StiggStateName,
} from './stiggStates'

type Args = PlanBadgeProps & Partial<StiggSeedArgs>
type Canvas = ReturnType<typeof within>

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
const sees: Record<StiggStateName, (canvas: Canvas) => Promise<void>> = {
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

const stateStory = (name: StiggStateName): Story => ({
  args: stiggStates[name],
  play: ({ canvasElement }) => sees[name](within(canvasElement)),
})

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
export const AllStates: Story = {
  parameters: { stigg: false, controls: { disable: true } },
  render: (args) => {
    const { rest } = splitSeed(args)
    return (
      <div className="story-grid">
        {stiggStateNames.map((name) => (
          <section key={name} aria-labelledby={`badge-${name}`} className="story-cell">
            <h2 id={`badge-${name}`}>{name}</h2>
            <StiggStory seed={splitSeed({ ...stiggStates[name] }).seed}>
              <PlanBadge {...rest} />
            </StiggStory>
          </section>
        ))}
      </div>
    )
  },
  play: async ({ canvas }) => {
    for (const name of stiggStateNames) {
      await sees[name](within(canvas.getByRole('region', { name })))
    }
  },
}
