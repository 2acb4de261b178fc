// Longer than most files on purpose: EmulatorStore is the one owner of the emulator's state (customers,
// subscriptions, usage, idempotency records) under one clock, and every admin, seed and hosted resolver
// goes through it. The rules it applies live elsewhere: decideEntitlement, usagePeriod, core's subscriptionGrants.
import type { EntitlementData, Plan, ProvisionCustomerResult, SubscriptionData } from '../../core/types'
import type { Catalog, CatalogFeature, CatalogPlan } from '../Catalog'
import { decideEntitlement } from './decideEntitlement'
import { EmulatorError } from '../EmulatorError'
import { seedCustomers } from './seedCustomers'
import type {
  AddCustomerInput,
  CustomerRecord,
  EmulatorDateInput,
  EmulatorState,
  EmulatorSubscriptionStatus,
  MeasurementRecord,
  SubscriptionPatch,
  SubscriptionRecord,
  UsageEventRecord,
} from '../types'
import { usagePeriod } from './usagePeriod'

/** Idempotency records kept; the oldest go first. */
const maxIdempotencyRecords = 50_000
const statuses: readonly string[] = ['ACTIVE', 'TRIAL', 'PAUSED', 'CANCELED']

export interface ReportUsageInput {
  customerId: string
  featureId: string
  value: number
  idempotencyKey?: string | null
  /** Hosted Stigg's `updateBehavior`: DELTA (the default) adds `value`, SET makes it the usage. */
  updateBehavior?: 'DELTA' | 'SET' | null
  /** Counts the usage for this resource (a workspace, a project) of the customer, apart from the others. */
  resourceId?: string | null
}

/** Where a feature's usage is kept in a customer's record: per resource when one is named. */
const usageKey = (featureId: string, resourceId: string | null | undefined) => (resourceId == null ? featureId : `${featureId}\n${resourceId}`)

export interface ProvisionCustomerInput {
  customerId: string
  name?: string | null
  email?: string | null
  /** Hosted Stigg's id of the customer in the billing system. */
  billingId?: string | null
  subscriptionParams?: (SubscriptionPatch & { planId: string }) | null
}

let measurementCounter = 0
const newId = (): string =>
  typeof globalThis.crypto?.randomUUID === 'function'
    ? globalThis.crypto.randomUUID()
    : `usage-${Date.now().toString(36)}-${(measurementCounter++).toString(36)}`

function toIso(where: string, value: EmulatorDateInput): string {
  const time = value instanceof Date ? value.getTime() : Date.parse(value)
  if (Number.isNaN(time)) throw new EmulatorError('BAD_USER_INPUT', `${where}: ${JSON.stringify(String(value))} is not an ISO-8601 date`)
  return new Date(time).toISOString()
}

/**
 * Records keyed by ids that come from requests (customers, usage by feature, idempotency keys)
 * have no prototype: a customer id `__proto__` is an ordinary key, never `Object.prototype`.
 */
const idRecord = <T>(from?: Record<string, T>): Record<string, T> => Object.assign(Object.create(null) as Record<string, T>, from)

const emptyState = (): EmulatorState => ({ version: 1, clockOffsetMs: 0, customers: idRecord(), idempotency: idRecord() })

/** A loaded or cloned state with every id-keyed record rebuilt without a prototype. */
function withIdRecords(state: EmulatorState): EmulatorState {
  const customers = idRecord<EmulatorState['customers'][string]>()
  for (const [id, customer] of Object.entries(state.customers)) customers[id] = { ...customer, usage: idRecord(customer.usage) }
  return { ...state, customers, idempotency: idRecord(state.idempotency) }
}

/**
 * Customers, subscriptions, usage and idempotency records over a catalog: the rules of
 * Stigg without any transport. The GraphQL layer and the admin API both call into it.
 */
export class EmulatorStore {
  readonly catalog: Catalog
  private readonly features: Map<string, CatalogFeature>
  private readonly plans: Map<string, CatalogPlan>
  private readonly clock: () => Date
  private readonly seed: boolean
  private state: EmulatorState = emptyState()
  private idempotencyCount = 0
  /** Events received by hosted `reportEvent`, oldest first (in memory only). */
  readonly events: UsageEventRecord[] = []

  constructor(catalog: Catalog, clock: () => Date, seed: boolean) {
    this.catalog = catalog
    this.features = new Map(catalog.features.map((feature) => [feature.id, feature]))
    this.plans = new Map(catalog.plans.map((plan) => [plan.id, plan]))
    this.clock = clock
    this.seed = seed
    this.reset()
  }

  now(): Date {
    return new Date(this.clock().getTime() + this.state.clockOffsetMs)
  }

  advanceClock(ms: number): void {
    if (!Number.isFinite(ms)) throw new EmulatorError('BAD_USER_INPUT', `advanceClock takes a finite number of milliseconds, got ${ms}`)
    this.state.clockOffsetMs += ms
  }

  reset(): void {
    this.state = emptyState()
    this.idempotencyCount = 0
    this.events.length = 0
    if (!this.seed) return
    const plans = this.catalog.plans
    // Seed plans are the default catalog's; another catalog gets its default, second and last plan instead.
    const fallback: Record<string, string | undefined> = {
      'plan-free': this.catalog.defaultPlanId,
      'plan-pro': plans[1]?.id,
      'plan-enterprise': plans[plans.length - 1]?.id,
    }
    for (const input of seedCustomers(this.now())) {
      const planId = this.plans.has(input.planId ?? '') ? input.planId : fallback[input.planId ?? '']
      const usage = Object.fromEntries(
        Object.entries(input.usage ?? {}).filter(([id]) => this.features.get(id)?.type === 'metered'),
      )
      this.addCustomer({ ...input, planId, usage })
    }
  }

  snapshot(): EmulatorState {
    return structuredClone(this.state)
  }

  /** Replaces the state with a loaded one, after checking it against the catalog. */
  load(state: EmulatorState): void {
    for (const customer of Object.values(state.customers)) {
      for (const subscription of customer.subscriptions) {
        if (!this.plans.has(subscription.planId)) {
          throw new Error(
            `Saved emulator state has customer "${customer.id}" on plan "${subscription.planId}", which the catalog lacks: use the catalog the data was written with, or a fresh data file.`,
          )
        }
      }
    }
    this.state = withIdRecords(structuredClone(state))
    this.idempotencyCount = Object.keys(this.state.idempotency).length
  }

  hasCustomer(customerId: string): boolean {
    return Object.hasOwn(this.state.customers, customerId)
  }

  /** Every customer, in the order they were added. */
  customers(): CustomerRecord[] {
    return Object.values(this.state.customers)
  }

  /**
   * Hosted Stigg's `provisionSubscription`: a new subscription becomes the current one and the
   * previous one ends now (it stays in the history, so hosted views show it EXPIRED).
   */
  startSubscription(customerId: string, patch: SubscriptionPatch & { planId: string }): SubscriptionRecord {
    const customer = this.customerRecord(customerId)
    const previous = this.current(customer)
    const now = this.now().toISOString()
    customer.subscriptions.push({ id: `subscription-${customerId}-${customer.subscriptions.length + 1}`, planId: patch.planId, status: 'ACTIVE', startDate: now, endDate: null, trialEndDate: null })
    try {
      this.setSubscription(customerId, patch)
    } catch (error) {
      customer.subscriptions.pop()
      throw error
    }
    if (previous && (previous.endDate === null || Date.parse(previous.endDate) > Date.parse(now))) previous.endDate = now
    return this.current(customer)!
  }

  /** Hosted Stigg's `reportEvent`: raw usage events, kept in memory (the newest 10,000); a repeated idempotency key is kept once. */
  recordEvent(event: UsageEventRecord): boolean {
    if (this.events.some((known) => known.customerId === event.customerId && known.idempotencyKey === event.idempotencyKey)) return false
    this.events.push(event)
    if (this.events.length > 10_000) this.events.shift()
    return true
  }

  customerRecord(customerId: string): CustomerRecord {
    const customer = this.state.customers[customerId]
    if (!customer) throw new EmulatorError('CustomerNotFound', `Customer "${customerId}" not found`)
    return customer
  }

  feature(featureId: string): CatalogFeature {
    const feature = this.features.get(featureId)
    if (!feature) {
      throw new EmulatorError('FeatureNotFound', `Feature "${featureId}" not found (known: ${[...this.features.keys()].join(', ')})`)
    }
    return feature
  }

  plan(planId: string): CatalogPlan {
    const plan = this.plans.get(planId)
    if (!plan) throw new EmulatorError('BAD_USER_INPUT', `Unknown plan "${planId}" (known: ${[...this.plans.keys()].join(', ')})`)
    return plan
  }

  private current(customer: CustomerRecord): SubscriptionRecord | undefined {
    return customer.subscriptions[customer.subscriptions.length - 1]
  }

  private period(customer: CustomerRecord, feature: CatalogFeature): { start: Date; end: Date } | null {
    if (feature.resetPeriod === undefined) return null
    const anchor = this.current(customer)?.startDate ?? customer.createdAt
    return usagePeriod(feature.resetPeriod, new Date(anchor), this.now())
  }

  private usage(customer: CustomerRecord, feature: CatalogFeature, period: { start: Date } | null, resourceId?: string | null): number {
    const record = customer.usage[usageKey(feature.id, resourceId)]
    if (!record) return 0
    if (period === null) return record.value
    return record.periodStart === period.start.toISOString() ? record.value : 0
  }

  /** With `resourceId`: the same plan limits, against that resource's own usage (Stigg's resource-scoped entitlements). */
  entitlement(customerId: string, featureId: string, resourceId?: string | null): EntitlementData {
    const customer = this.customerRecord(customerId)
    const feature = this.feature(featureId)
    const subscription = this.current(customer)
    const period = feature.type === 'metered' ? this.period(customer, feature) : null
    return decideEntitlement({
      feature,
      subscription,
      limit: subscription ? this.plans.get(subscription.planId)?.limits[featureId] : undefined,
      currentUsage: feature.type === 'metered' ? this.usage(customer, feature, period, resourceId) : 0,
      periodEnd: period?.end ?? null,
      now: this.now().getTime(),
    })
  }

  private planView(planId: string): Plan {
    const plan = this.plan(planId)
    return { id: plan.id, name: plan.name, description: plan.description ?? null }
  }

  private subscriptionView(subscription: SubscriptionRecord): SubscriptionData {
    const { id, status, startDate, endDate, trialEndDate } = subscription
    return { id, status, plan: this.planView(subscription.planId), startDate, endDate, trialEndDate }
  }

  /** Newest first. */
  subscriptions(customerId: string): SubscriptionData[] {
    return this.customerRecord(customerId).subscriptions.map((s) => this.subscriptionView(s)).reverse()
  }

  reportUsage(input: ReportUsageInput): MeasurementRecord {
    const set = input.updateBehavior === 'SET'
    // SET 0 is a reset; a DELTA of 0 or less is a caller's bug.
    if (typeof input.value !== 'number' || !Number.isFinite(input.value) || input.value < 0 || (!set && input.value === 0)) {
      const bound = set ? 'a finite number ≥ 0 with updateBehavior SET' : 'a finite number greater than 0'
      throw new EmulatorError('BAD_USER_INPUT', `reportUsage value must be ${bound}, got ${input.value}`)
    }
    const customer = this.customerRecord(input.customerId)
    const feature = this.feature(input.featureId)
    if (feature.type !== 'metered') {
      throw new EmulatorError('BAD_USER_INPUT', `Feature "${feature.id}" is a ${feature.type} feature; only metered features take usage`)
    }
    const key = input.idempotencyKey == null ? null : `${customer.id}\n${input.idempotencyKey}`
    const previous = key === null ? undefined : this.state.idempotency[key]
    if (previous) return { ...previous }
    const period = this.period(customer, feature)
    const currentUsage = set ? input.value : this.usage(customer, feature, period, input.resourceId) + input.value
    customer.usage[usageKey(feature.id, input.resourceId)] = { value: currentUsage, periodStart: period ? period.start.toISOString() : null }
    const measurement: MeasurementRecord = {
      id: newId(),
      customerId: customer.id,
      featureId: feature.id,
      currentUsage,
      usagePeriodEnd: period ? period.end.toISOString() : null,
      timestamp: this.now().toISOString(),
    }
    if (key !== null) this.remember(key, measurement)
    return { ...measurement }
  }

  private remember(key: string, measurement: MeasurementRecord): void {
    this.state.idempotency[key] = measurement
    if (++this.idempotencyCount <= maxIdempotencyRecords) return
    for (const oldest in this.state.idempotency) {
      delete this.state.idempotency[oldest]
      this.idempotencyCount--
      break
    }
  }

  provisionCustomer(input: ProvisionCustomerInput): ProvisionCustomerResult {
    if (input.customerId.trim() === '') throw new EmulatorError('BAD_USER_INPUT', 'provisionCustomer customerId must not be empty')
    const params = input.subscriptionParams ?? undefined
    if (params) this.plan(params.planId)
    const existing = this.state.customers[input.customerId]
    if (existing) {
      // Idempotent: a repeat only updates contact details; usage and subscription stay.
      if (input.name != null) existing.name = input.name
      if (input.email != null) existing.email = input.email
      if (input.billingId != null) existing.billingId = input.billingId
      existing.updatedAt = this.now().toISOString()
    } else {
      this.addCustomer({
        ...params,
        customerId: input.customerId,
        name: input.name ?? undefined,
        email: input.email ?? undefined,
      })
      if (input.billingId != null) this.customerRecord(input.customerId).billingId = input.billingId
    }
    const customer = this.customerRecord(input.customerId)
    const subscription = this.current(customer)
    const { id, name, email, createdAt, updatedAt } = customer
    return {
      customer: { id, name, email, createdAt, updatedAt },
      subscription: subscription ? this.subscriptionView(subscription) : null,
    }
  }

  addCustomer(input: AddCustomerInput): void {
    if (typeof input.customerId !== 'string' || input.customerId.trim() === '') {
      throw new EmulatorError('BAD_USER_INPUT', 'customerId must be a non-empty string')
    }
    const now = this.now().toISOString()
    const previous = this.state.customers[input.customerId]
    const customer: CustomerRecord = {
      id: input.customerId,
      name: input.name ?? null,
      email: input.email ?? null,
      createdAt: now,
      updatedAt: now,
      subscriptions: [],
      usage: idRecord(),
    }
    this.state.customers[input.customerId] = customer
    try {
      this.setSubscription(input.customerId, { status: 'ACTIVE', startDate: now, ...input })
      for (const [featureId, value] of Object.entries(input.usage ?? {})) this.setUsage(input.customerId, featureId, value)
    } catch (error) {
      if (previous) this.state.customers[input.customerId] = previous
      else delete this.state.customers[input.customerId]
      throw error
    }
  }

  setSubscription(customerId: string, patch: SubscriptionPatch): void {
    const customer = this.customerRecord(customerId)
    const planId = patch.planId ?? this.current(customer)?.planId ?? this.catalog.defaultPlanId
    this.plan(planId)
    // GraphQL inputs may carry explicit nulls; null status or start means "keep".
    if (patch.status != null && !statuses.includes(patch.status)) {
      throw new EmulatorError('BAD_USER_INPUT', `Unknown subscription status "${patch.status}" (known: ${statuses.join(', ')})`)
    }
    const base = this.current(customer)
    const optionalDate = (where: string, value: EmulatorDateInput | null | undefined, previous: string | null) =>
      value === undefined ? previous : value === null ? null : toIso(where, value)
    const next: SubscriptionRecord = {
      id: base?.id ?? `subscription-${customerId}`,
      planId,
      status: (patch.status ?? base?.status ?? 'ACTIVE') as EmulatorSubscriptionStatus,
      startDate: patch.startDate != null ? toIso('startDate', patch.startDate) : (base?.startDate ?? this.now().toISOString()),
      endDate: optionalDate('endDate', patch.endDate, base?.endDate ?? null),
      trialEndDate: optionalDate('trialEndDate', patch.trialEndDate, base?.trialEndDate ?? null),
    }
    if (base) customer.subscriptions[customer.subscriptions.length - 1] = next
    else customer.subscriptions.push(next)
    customer.updatedAt = this.now().toISOString()
  }

  setUsage(customerId: string, featureId: string, value: number): void {
    const customer = this.customerRecord(customerId)
    const feature = this.feature(featureId)
    if (feature.type !== 'metered') throw new EmulatorError('BAD_USER_INPUT', `Feature "${featureId}" is a ${feature.type} feature; it has no usage`)
    if (!Number.isFinite(value) || value < 0) {
      throw new EmulatorError('BAD_USER_INPUT', `Usage must be a finite number ≥ 0, got ${value}`)
    }
    const period = this.period(customer, feature)
    customer.usage[featureId] = { value, periodStart: period ? period.start.toISOString() : null }
  }

  getUsage(customerId: string, featureId: string): number {
    const customer = this.customerRecord(customerId)
    const feature = this.feature(featureId)
    return feature.type === 'metered' ? this.usage(customer, feature, this.period(customer, feature)) : 0
  }
}
