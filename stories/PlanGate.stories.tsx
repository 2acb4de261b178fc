import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect } from 'storybook/test'
import { PLAN_MISMATCH, PlanGate, type PlanGateProps, type UsePlanGateResult } from 'react-stigg'
import { allStatesStory, stateStory as stateStoryOf, type Canvas, type StateChecks } from './stateStories'
import { withStigg } from './withStigg'
import { defaultSeed, seedArgTypes, splitSeed, type StiggSeedArgs, type StiggStateName } from './stiggStates'

type Args = PlanGateProps & Partial<StiggSeedArgs>

/** What a closed plan gate says, by its reason (null: signed out). */
const deniedText = ({ reason, plan }: UsePlanGateResult): string => {
  switch (reason) {
    case PLAN_MISMATCH:
      return `Priority support comes with Pro and Enterprise. You’re on ${plan?.name ?? 'another plan'}.`
    case 'NoActiveSubscription':
      return 'Your subscription is not active, so priority support is off.'
    case null:
      return 'Sign in to reach priority support.'
    default:
      return `Priority support is unavailable (${reason}).`
  }
}

/** What the stories' plan gate shows in each slot: a support link, or why it is closed. */
const planGateSlots = {
  children: ({ plan }: UsePlanGateResult) => <a href="#support">{`Priority support (${plan?.name})`}</a>,
  fallback: (state: UsePlanGateResult) => <p>{deniedText(state)}</p>,
  loading: <p>Checking your plan…</p>,
  error: ({ refetch }: UsePlanGateResult) => (
    <div role="alert">
      We couldn’t check your plan.{' '}
      <button type="button" onClick={refetch}>
        Try again
      </button>
    </div>
  ),
}

const slot = { control: false, table: { category: 'Slots' } } as const

const meta = {
  title: 'Components/PlanGate',
  component: PlanGate,
  tags: ['autodocs'],
  decorators: [withStigg],
  render: (args) => <PlanGate {...splitSeed(args).rest} />,
  // The seed in args too, so Controls start from the values the story actually shows.
  args: { ...defaultSeed, plan: ['plan-pro', 'plan-enterprise'], ...planGateSlots },
  argTypes: {
    ...seedArgTypes,
    plan: { control: 'check', options: ['plan-free', 'plan-pro', 'plan-enterprise'] },
    children: slot,
    fallback: slot,
    loading: slot,
    error: slot,
  },
} satisfies Meta<Args>

export default meta
type Story = StoryObj<typeof meta>

const granted = (planName: string) => async (canvas: Canvas) => {
  await expect(await canvas.findByRole('link', { name: `Priority support (${planName})` })).toBeVisible()
}

const denied = (text: string) => async (canvas: Canvas) => {
  await expect(await canvas.findByText(text)).toBeVisible()
  await expect(canvas.queryByRole('link')).not.toBeInTheDocument()
}

const failed = async (canvas: Canvas) => {
  await expect(await canvas.findByRole('alert')).toHaveTextContent('We couldn’t check your plan.')
  await expect(canvas.getByRole('button', { name: 'Try again' })).toBeVisible()
  await expect(canvas.queryByRole('link')).not.toBeInTheDocument()
}

/** What a person sees in each state: the plan decides, usage does not. */
const sees: StateChecks = {
  Loading: async (canvas) => {
    await expect(await canvas.findByText('Checking your plan…')).toBeVisible()
    await expect(canvas.queryByRole('link')).not.toBeInTheDocument()
  },
  Granted: granted('Pro'),
  // The plan-mismatch case: a Free customer outside a Pro/Enterprise gate.
  Denied: denied('Priority support comes with Pro and Enterprise. You’re on Free.'),
  NearLimit: granted('Pro'),
  Exceeded: granted('Pro'),
  Unlimited: granted('Enterprise'),
  ServerError: failed,
  NetworkError: failed,
  Trial: granted('Pro'),
  // Canceled keeps its plan until the period it paid for ends.
  Canceled: granted('Pro'),
  Paused: denied('Your subscription is not active, so priority support is off.'),
  SignedOut: denied('Sign in to reach priority support.'),
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
export const AllStates: Story = allStatesStory<Args>('plan-gate', sees, (rest) => <PlanGate {...rest} />)
