import type { Catalog } from './Catalog'
import { usagePeriod } from './store/usagePeriod'
import type { Emulator } from './types'
import type { DevtoolsAction, DevtoolsDriver, DevtoolsLogEntry, DevtoolsOutage, DevtoolsState } from '../devtools/DevtoolsProtocol'

/**
 * The emulator's side of `<StiggDevtools>`: its controls, the outage switch and the change log.
 * `stiggDevPlugin` serves it over `/__stigg/devtools`; the test kit hands it to the panel directly.
 */
export interface DevtoolsControl extends DevtoolsDriver {
  state(customerId: string | null): DevtoolsState
  /** Applies one action and logs it; throws an Error naming the problem for a bad one (nothing changes). */
  apply(action: unknown): DevtoolsState
  /** The proxy's upstream fetch, failing as the outage switch says. */
  wrapFetch(fetch: (request: Request) => Promise<Response>): (request: Request) => Promise<Response>
}

const statuses = new Set(['ACTIVE', 'TRIAL', 'PAUSED', 'CANCELED'])
const outages = new Set<DevtoolsOutage>(['off', '503', 'timeout'])
const maxLog = 100

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/** @param clock the emulator's base clock (its `now` option), before `advanceClock` offsets. */
export function createDevtoolsControl(emulator: Emulator, catalog: Catalog, clock: () => Date = () => new Date()): DevtoolsControl {
  let outage: DevtoolsOutage = 'off'
  const log: DevtoolsLogEntry[] = []
  const hanging = new Set<(reason: Error) => void>()
  const note = (message: string) => {
    log.push({ at: new Date().toISOString(), message })
    if (log.length > maxLog) log.shift()
  }
  const now = () => new Date(clock().getTime() + emulator.admin.snapshot().clockOffsetMs)

  const customer = (customerId: string) => {
    const record = emulator.admin.snapshot().customers[customerId]
    if (!record) throw new Error(`unknown customer "${customerId}"`)
    return record
  }

  // The earliest end of a usage period among the metered features the customer's plan has.
  const nextReset = (customerId: string): Date | null => {
    const record = emulator.admin.snapshot().customers[customerId]
    const subscription = record?.subscriptions.at(-1)
    if (!subscription) return null
    const plan = catalog.plans.find((candidate) => candidate.id === subscription.planId)
    let earliest: Date | null = null
    for (const feature of catalog.features) {
      if (feature.type !== 'metered' || !feature.resetPeriod || plan?.limits[feature.id] === undefined) continue
      const { end } = usagePeriod(feature.resetPeriod, new Date(subscription.startDate), now())
      if (earliest === null || end < earliest) earliest = end
    }
    return earliest
  }

  const state = (customerId: string | null): DevtoolsState => {
    const record = customerId === null ? undefined : emulator.admin.snapshot().customers[customerId]
    const subscription = record?.subscriptions.at(-1)
    const usage: Record<string, number> = {}
    if (record) {
      for (const feature of catalog.features) if (feature.type === 'metered') usage[feature.id] = emulator.admin.getUsage(record.id, feature.id)
    }
    return {
      customerId,
      plans: catalog.plans.map(({ id, name }) => ({ id, name })),
      features: catalog.features.map(({ id, displayName, type, resetPeriod }) => ({ id, displayName, type, resetPeriod: resetPeriod ?? null })),
      subscription: subscription ? { planId: subscription.planId, status: subscription.status } : null,
      usage,
      now: now().toISOString(),
      nextReset: record ? (nextReset(record.id)?.toISOString() ?? null) : null,
      outage,
      log: [...log],
    }
  }

  const apply = (input: unknown): DevtoolsState => {
    if (!isRecord(input)) throw new Error('the action must be a JSON object with a "type"')
    const action = input as DevtoolsAction
    switch (action.type) {
      case 'setSubscription': {
        const { customerId, planId, status } = action
        customer(customerId)
        if (planId !== undefined && !catalog.plans.some((plan) => plan.id === planId)) throw new Error(`unknown plan "${planId}"`)
        if (status !== undefined && !statuses.has(status)) throw new Error(`unknown status ${JSON.stringify(status)}`)
        emulator.admin.setSubscription(customerId, { ...(planId ? { planId } : {}), ...(status ? { status } : {}) })
        note(`${customerId}: subscription set to ${[planId, status].filter(Boolean).join(', ')}`)
        return state(customerId)
      }
      case 'setUsage': {
        const { customerId, featureId, value } = action
        customer(customerId)
        if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw new Error(`usage must be a number ≥ 0, got ${JSON.stringify(value)}`)
        emulator.admin.setUsage(customerId, featureId, value)
        note(`${customerId}: usage of ${featureId} set to ${value}`)
        return state(customerId)
      }
      case 'advanceToReset': {
        const { customerId } = action
        customer(customerId)
        const reset = nextReset(customerId)
        if (!reset) throw new Error(`${customerId}'s plan has no feature whose usage resets`)
        // One second past the boundary, so the new period has begun on every reader's clock.
        emulator.admin.advanceClock(reset.getTime() - now().getTime() + 1000)
        note(`clock advanced past ${customerId}'s next reset (${reset.toISOString()}) to ${now().toISOString()}`)
        return state(customerId)
      }
      case 'setOutage': {
        if (!outages.has(action.outage)) throw new Error(`outage must be "off", "503" or "timeout", got ${JSON.stringify(action.outage)}`)
        outage = action.outage
        // Calls left hanging by a timeout outage fail now, so nothing waits on them after recovery.
        if (outage !== 'timeout') for (const reject of hanging) reject(new Error('the simulated outage ended'))
        if (outage !== 'timeout') hanging.clear()
        note(outage === 'off' ? 'outage off: the upstream answers again' : `outage on: the upstream ${outage === '503' ? 'answers 503' : 'times out'}`)
        return state(null)
      }
      default:
        throw new Error(`unknown action type ${JSON.stringify((input as { type?: unknown }).type)}`)
    }
  }

  const wrapFetch =
    (fetch: (request: Request) => Promise<Response>) =>
    (request: Request): Promise<Response> => {
      if (outage === '503') {
        return Promise.resolve(new Response(JSON.stringify({ errors: [{ message: 'Service Unavailable (react-stigg devtools outage)' }] }), { status: 503, headers: { 'content-type': 'application/json' } }))
      }
      if (outage === 'timeout') {
        // Never answers: the proxy's upstream timeout aborts it, or the end of the outage does.
        return new Promise((_, reject) => {
          hanging.add(reject)
          request.signal.addEventListener('abort', () => (hanging.delete(reject), reject(request.signal.reason)), { once: true })
        })
      }
      return fetch(request)
    }

  return { state, apply, wrapFetch }
}
