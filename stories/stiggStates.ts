import type { ArgTypes } from '@storybook/react-vite'
import type { SubscriptionStatus } from 'react-stigg'

/** Where a story's Stigg answers come from. */
export type StiggBackend = 'emulator' | 'loading' | 'error' | 'network-error' | 'signed-out'

/** The Controls every story shares: they re-seed the in-process emulator live. */
export interface StiggSeedArgs {
  /** API calls used this period. */
  usage: number
  /** The plan's API call limit (ignored when `unlimited`). */
  limit: number
  /** The plan has no API call limit. A control cannot hold null, so this is its own switch. */
  unlimited: boolean
  /** Whether API calls are in the plan at all. */
  granted: boolean
  /** The plan's name (not `plan`: that is `<PlanGate>`'s plan-id filter). */
  planName: string
  status: SubscriptionStatus
  backend: StiggBackend
}

/** The one metered feature every story seeds. */
export const storyFeature = {
  id: 'feature-api-calls',
  displayName: 'API calls',
  units: 'API call',
  unitsPlural: 'API calls',
} as const

export const defaultSeed: StiggSeedArgs = {
  usage: 300,
  limit: 1000,
  unlimited: false,
  granted: true,
  planName: 'Pro',
  status: 'ACTIVE',
  backend: 'emulator',
}

const seedKeys = Object.keys(defaultSeed) as (keyof StiggSeedArgs)[]

/** Splits a story's args into the emulator seed and what goes to the component. */
export function splitSeed<T extends object>(args: T & Partial<StiggSeedArgs>): { seed: StiggSeedArgs; rest: T } {
  const seed = { ...defaultSeed }
  const rest = { ...args } as Record<string, unknown>
  for (const key of seedKeys) {
    if (args[key] !== undefined) (seed as Record<string, unknown>)[key] = args[key]
    delete rest[key]
  }
  return { seed, rest: rest as T }
}

const category = { table: { category: 'Stigg emulator' } }

export const seedArgTypes: Partial<ArgTypes<StiggSeedArgs>> = {
  usage: { control: { type: 'number', min: 0, step: 50 }, description: 'API calls used this period', ...category },
  limit: { control: { type: 'number', min: 0, step: 100 }, description: 'API call limit', ...category },
  unlimited: { control: 'boolean', description: 'No API call limit (overrides limit)', ...category },
  granted: { control: 'boolean', description: 'API calls are in the plan', ...category },
  planName: { control: 'select', options: ['Free', 'Pro', 'Enterprise'], ...category },
  status: { control: 'inline-radio', options: ['ACTIVE', 'TRIAL', 'CANCELED', 'PAUSED'], ...category },
  backend: {
    control: 'select',
    options: ['emulator', 'loading', 'error', 'network-error', 'signed-out'],
    description: 'emulator, or a provider that never answers, answers 500, fails to connect, or has no customer',
    ...category,
  },
}

/** Every state a story file shows, once each and together in its all-states story. */
export const stiggStates = {
  Loading: { backend: 'loading' },
  Granted: {},
  Denied: { granted: false, planName: 'Free' },
  NearLimit: { usage: 950 },
  Exceeded: { usage: 1000 },
  Unlimited: { usage: 250_000, unlimited: true, planName: 'Enterprise' },
  ServerError: { backend: 'error' },
  NetworkError: { backend: 'network-error' },
  Trial: { status: 'TRIAL' },
  Canceled: { status: 'CANCELED' },
  Paused: { status: 'PAUSED' },
  SignedOut: { backend: 'signed-out' },
} as const satisfies Record<string, Partial<StiggSeedArgs>>

export type StiggStateName = keyof typeof stiggStates
export const stiggStateNames = Object.keys(stiggStates) as StiggStateName[]
