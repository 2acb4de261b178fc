import { validateCatalog } from './Catalog'
import { createSaveQueue } from './storage/createSaveQueue'
import { defaultCatalog } from './defaultCatalog'
import { EmulatorError } from './EmulatorError'
import { EmulatorStore } from './store/EmulatorStore'
import { createRequestHandler, type RawRequest, type RawResponse } from './http/createRequestHandler'
import type { Emulator, EmulatorAdmin, EmulatorOptions, RecordedRequest } from './types'

/** The emulator plus the transport-neutral handler the Node server calls without building `Request`s. */
export interface EmulatorInternals {
  emulator: Emulator
  handle(request: RawRequest): RawResponse | Promise<RawResponse>
  /** Resolves when every change made so far is saved (immediately without storage). */
  flush(): Promise<void>
}

/** @internal Used by `startEmulator`; `createEmulator` is the public face. */
export function createEmulatorInternals(options: EmulatorOptions = {}): EmulatorInternals {
  const apiKey = options.apiKey ?? 'emulator-api-key'
  if (typeof apiKey !== 'string' || apiKey === '') {
    throw new Error('createEmulator: apiKey must be a non-empty string (or omitted for "emulator-api-key")')
  }
  const catalog = options.catalog === undefined ? defaultCatalog : validateCatalog(options.catalog)
  const store = new EmulatorStore(catalog, options.now ?? (() => new Date()), options.seed ?? true)
  const storage = options.storage
  const requests: RecordedRequest[] = []
  // Saves wait for the load: writing the seed over a file not yet read would lose it.
  const save = storage
    ? createSaveQueue(async () => {
        await ready
        await storage.save(store.snapshot())
      })
    : undefined
  const flush = () => (save ? save() : Promise.resolve())

  const ready = (async () => {
    if (!storage) return
    const saved = await storage.load()
    if (saved) store.load(saved)
    else await storage.save(store.snapshot())
  })()
  // Callers learn about a failed load from `ready` or from their first request; never as an unhandled rejection.
  ready.catch(() => undefined)
  // Once loaded, requests skip awaiting `ready`: a compiled read then answers without a Promise.
  let loaded = false
  ready.then(() => (loaded = true), () => undefined)

  const handler = createRequestHandler({ apiKey, store, requests, persist: save })
  const handle = (request: RawRequest): RawResponse | Promise<RawResponse> => (loaded ? handler(request) : handleWhenReady(request))
  const handleWhenReady = async (request: RawRequest): Promise<RawResponse> => {
    try {
      await ready
    } catch (error) {
      const body = { errors: [{ message: `The emulator failed to start: ${(error as Error).message}`, extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }
      return { status: 500, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(body) }
    }
    return handler(request)
  }

  // Admin changes are saved in the background; `close()` of startEmulator waits for them.
  const changed = () => {
    flush().catch((error: unknown) => console.error('react-stigg emulator: could not save state after an admin change:', error))
  }
  const adminCall =
    <A extends unknown[], R>(name: string, run: (...args: A) => R, mutates = true) =>
    (...args: A): R => {
      try {
        const result = run(...args)
        if (mutates) changed()
        return result
      } catch (error) {
        if (!(error instanceof EmulatorError)) throw error
        throw new Error(`emulator.admin.${name}: ${error.message}`)
      }
    }

  const admin: EmulatorAdmin = {
    setUsage: adminCall('setUsage', (customerId: string, featureId: string, value: number) => store.setUsage(customerId, featureId, value)),
    getUsage: adminCall('getUsage', (customerId: string, featureId: string) => store.getUsage(customerId, featureId), false),
    setSubscription: adminCall('setSubscription', (customerId: string, patch: Parameters<EmulatorAdmin['setSubscription']>[1]) =>
      store.setSubscription(customerId, patch),
    ),
    addCustomer: adminCall('addCustomer', (input: Parameters<EmulatorAdmin['addCustomer']>[0]) => store.addCustomer(input)),
    advanceClock: adminCall('advanceClock', (ms: number) => store.advanceClock(ms)),
    reset: adminCall('reset', () => {
      store.reset()
      requests.length = 0
    }),
    clearRequests: () => {
      requests.length = 0
    },
    snapshot: () => store.snapshot(),
    events: () => structuredClone(store.events),
  }

  const emulator: Emulator = {
    async fetch(request: Request): Promise<Response> {
      const headers: Record<string, string> = {}
      request.headers.forEach((value, name) => {
        headers[name] = value
      })
      const raw = await handle({
        method: request.method,
        path: new URL(request.url).pathname,
        headers,
        body: request.method === 'GET' || request.method === 'HEAD' ? '' : await request.text(),
      })
      return new Response(raw.body, { status: raw.status, headers: raw.headers })
    },
    admin,
    apiKey,
    requests,
    ready,
  }
  return { emulator, handle, flush }
}

/**
 * A Stigg emulator in this process: the seed GraphQL contract over `fetch`, with a
 * catalog, demo customers, an injectable clock and an admin API. No Node-only imports,
 * so it runs in the browser too (Storybook); `startEmulator` puts it on a port.
 * `POST …/graphql` speaks the seed contract; `POST …/hosted/graphql` speaks hosted Stigg's
 * schema (`entitlement(query:)`, `getActiveSubscriptions(input:)`…) over the same store,
 * the upstream for a `dialect: 'stigg'` proxy.
 *
 * @example
 * ```ts
 * const emulator = createEmulator({ apiKey: 'test-key' })
 * emulator.admin.setUsage('customer-free', 'feature-api-calls', 1000)
 * const response = await emulator.fetch(new Request('http://emulator/graphql', {
 *   method: 'POST',
 *   headers: { 'content-type': 'application/json', 'x-api-key': 'test-key' },
 *   body: JSON.stringify({ query: '{ customerEntitlement(customerId: "customer-free", featureId: "feature-api-calls") { isGranted } }' }),
 * }))
 * ```
 */
export function createEmulator(options?: EmulatorOptions): Emulator {
  return createEmulatorInternals(options).emulator
}
