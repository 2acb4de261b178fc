import type { Catalog } from './Catalog'
import type { UsageMeasurement } from '../core/types'

export type EmulatorSubscriptionStatus = 'ACTIVE' | 'TRIAL' | 'PAUSED' | 'CANCELED'

/** A date as the admin API accepts it: a `Date` or an ISO-8601 string. */
export type EmulatorDateInput = Date | string

/** A subscription as stored (dates as ISO strings). */
export interface SubscriptionRecord {
  id: string
  planId: string
  status: EmulatorSubscriptionStatus
  startDate: string
  endDate: string | null
  trialEndDate: string | null
}

/** Usage of one metered feature, counted within the period that starts at `periodStart`. */
export interface UsageRecord {
  value: number
  /** ISO start of the period the value belongs to; null for features that never reset. */
  periodStart: string | null
}

export interface CustomerRecord {
  id: string
  name: string | null
  email: string | null
  /** Set by hosted Stigg's `provisionCustomer(input: { billingId })`; absent otherwise. */
  billingId?: string | null
  createdAt: string
  updatedAt: string
  /** Oldest first; the last one is the current subscription. */
  subscriptions: SubscriptionRecord[]
  usage: Record<string, UsageRecord>
}

/** One event of hosted Stigg's `reportEvent`, as the emulator keeps it. */
export interface UsageEventRecord {
  customerId: string
  eventName: string
  idempotencyKey: string
  dimensions: Record<string, unknown> | null
  timestamp: string
}

/** What `reportUsage` answered, kept per idempotency key: the seed contract's measurement, as the client reads it. */
export type MeasurementRecord = UsageMeasurement

/** The emulator's whole state, plain JSON; what `admin.snapshot()` returns and `--data` stores. */
export interface EmulatorState {
  version: 1
  /** Milliseconds added to `now()` by `admin.advanceClock`. */
  clockOffsetMs: number
  customers: Record<string, CustomerRecord>
  /** Keyed by `customerId + "\n" + idempotencyKey`, oldest first. */
  idempotency: Record<string, MeasurementRecord>
}

/** Where the emulator keeps its state between runs. `startEmulator({ dataFile })` uses a file. */
export interface EmulatorStorage {
  /** The saved state, or null when nothing was saved yet. Rejects when the saved state is unreadable. */
  load(): Promise<EmulatorState | null>
  /** Must not resolve before the state is durable. */
  save(state: EmulatorState): Promise<void>
}

export interface EmulatorOptions {
  /**
   * The key every request must carry in `X-API-KEY`.
   * @default 'emulator-api-key'
   */
  apiKey?: string
  /**
   * Plans and features. Validated with `validateCatalog`.
   * @default defaultCatalog
   */
  catalog?: Catalog
  /**
   * Start with the demo customers (`customer-free`, `customer-pro`, `customer-trial`,
   * `customer-canceled`, `customer-paused`, `customer-enterprise`).
   * @default true
   */
  seed?: boolean
  /**
   * The clock; `admin.advanceClock` shifts on top of it.
   * @default () => new Date()
   */
  now?: () => Date
  /** Persistence. Without it, state lives in memory only. */
  storage?: EmulatorStorage
}

/** One request that reached `emulator.fetch`, for assertions in tests. */
export interface RecordedRequest {
  method: string
  path: string
  /** Header names lower-cased. */
  headers: Record<string, string>
  operationName: string | null
  query: string | null
  variables: unknown
  at: Date
}

/** A subscription change made through the admin API. */
export interface SubscriptionPatch {
  planId?: string
  status?: EmulatorSubscriptionStatus
  startDate?: EmulatorDateInput
  endDate?: EmulatorDateInput | null
  trialEndDate?: EmulatorDateInput | null
}

/** A customer added through the admin API. */
export interface AddCustomerInput extends SubscriptionPatch {
  customerId: string
  name?: string
  email?: string
  /** Usage by feature id, counted in the current period. */
  usage?: Record<string, number>
}

/** Sets any state directly: for tests and stories. Throws, naming the call, on unknown ids. */
export interface EmulatorAdmin {
  /** Sets a metered feature's usage in the current period. */
  setUsage(customerId: string, featureId: string, value: number): void
  /** Usage of a metered feature in the current period. */
  getUsage(customerId: string, featureId: string): number
  /** Changes the customer's current subscription (creating one on the default plan if it has none). */
  setSubscription(customerId: string, patch: SubscriptionPatch): void
  /** Adds a customer, replacing any customer with the same id. Plan defaults to the catalog's default, status to ACTIVE. */
  addCustomer(input: AddCustomerInput): void
  /** Moves the emulator's clock forward (or back, with a negative value) by `ms`. */
  advanceClock(ms: number): void
  /** Back to the seed (dates relative to the clock now), with the clock offset, idempotency records and request log cleared. */
  reset(): void
  clearRequests(): void
  /** A deep copy of the state. */
  snapshot(): EmulatorState
  /** Events received by hosted Stigg's `reportEvent` (in memory only; a repeated idempotency key is kept once), oldest first. */
  events(): UsageEventRecord[]
}

export interface Emulator {
  /** Answers `POST …/graphql` like Stigg's GraphQL endpoint. Works in browsers, Node and workers. */
  fetch(request: Request): Promise<Response>
  admin: EmulatorAdmin
  apiKey: string
  /** Every request that reached `fetch` (the newest 10,000). */
  requests: RecordedRequest[]
  /**
   * Resolves once the storage is loaded; rejects when it cannot be. Requests wait for it;
   * admin changes made before it resolves are replaced by the loaded state.
   */
  ready: Promise<void>
}
