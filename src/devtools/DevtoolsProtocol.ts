// What the devtools panel and the dev server's `/__stigg/devtools` endpoint say to each other.
// Types and the mount path only: the panel (browser), the endpoint (Node) and the test kit share them.

/** How the proxy's upstream misbehaves: `503` answers Service Unavailable, `timeout` never answers (the proxy times out). */
export type DevtoolsOutage = 'off' | '503' | 'timeout'

/** One change the endpoint made, newest last in {@link DevtoolsState.log}. */
export interface DevtoolsLogEntry {
  /** ISO time on the wall clock (not the emulator's). */
  at: string
  /** What changed, e.g. `customer-pro: usage of feature-api-calls set to 1000`. */
  message: string
}

/** A catalog feature as the panel lists it. */
export interface DevtoolsFeature {
  id: string
  displayName: string
  type: 'boolean' | 'metered' | 'numeric'
  resetPeriod: string | null
}

/** What `GET /__stigg/devtools/state?customerId=` answers. */
export interface DevtoolsState {
  customerId: string | null
  plans: { id: string; name: string }[]
  features: DevtoolsFeature[]
  /** The customer's current subscription; null without one (or without a customer). */
  subscription: { planId: string; status: 'ACTIVE' | 'TRIAL' | 'PAUSED' | 'CANCELED' } | null
  /** Current-period usage of each metered feature. */
  usage: Record<string, number>
  /** The emulator's clock, ISO. */
  now: string
  /** When the customer's next usage reset is (the earliest across metered features), ISO; null when nothing resets. */
  nextReset: string | null
  outage: DevtoolsOutage
  log: DevtoolsLogEntry[]
}

/** What `POST /__stigg/devtools/action` takes (JSON). */
export type DevtoolsAction =
  | { type: 'setSubscription'; customerId: string; planId?: string; status?: 'ACTIVE' | 'TRIAL' | 'PAUSED' | 'CANCELED' }
  | { type: 'setUsage'; customerId: string; featureId: string; value: number }
  | { type: 'advanceToReset'; customerId: string }
  | { type: 'setOutage'; outage: DevtoolsOutage }

/**
 * What the panel's controls talk to: the dev server's endpoint by default, or the test kit's
 * emulator (`createTestStigg().devtools`) in tests and stories.
 */
export interface DevtoolsDriver {
  state(customerId: string | null): DevtoolsState | Promise<DevtoolsState>
  /** Rejects (or throws) with a message naming the problem; nothing changes then. */
  apply(action: DevtoolsAction): DevtoolsState | Promise<DevtoolsState>
}

/** Where `stiggDevPlugin` mounts the endpoint. */
export const DEVTOOLS_PATH = '/__stigg/devtools'
