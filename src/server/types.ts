// The proxy's public option and event types in one place (re-exported by react-stigg/server), so the
// options table in README reads against one file.
import type { StiggProxyStore } from './store/StiggProxyStore'

/** Who the request belongs to, as the app's own session lookup says. */
export interface StiggIdentity {
  customerId: string
  /**
   * The one resource of the customer (workspace, project) this request may name: operations
   * with another `resourceId` are refused (403), as for another customer. None: no resource may be named.
   */
  resourceId?: string | null
}

/**
 * What the browser may do besides reading its own entitlements and subscriptions.
 * Everything here is off unless turned on.
 */
export interface StiggProxyAllow {
  /**
   * Let the browser report usage for its own customer. The value of each call must be
   * finite, at least `minValue` and at most `maxValue`. One `reportUsage` per request.
   * @default false
   * @example reportUsage: { maxValue: 100 }
   */
  reportUsage?: false | { maxValue: number; /** Smallest accepted value (> 0). @default 1e-6 */ minValue?: number }
  /**
   * Let the browser call `provisionCustomer` for its own customer id (self sign-up). `true`
   * provisions the customer without a subscription; `{ plans }` also lets it start one of
   * these plans (nothing else: no start or end dates, no status), and `trial: true` lets it
   * start them as a trial.
   * @default false
   * @example provisionCustomer: { plans: ['plan-free'], trial: true }
   */
  provisionCustomer?: boolean | { plans: string[]; trial?: boolean }
  /**
   * Let `__schema` / `__type` through (for GraphiQL or codegen in development).
   * @default false
   */
  introspection?: boolean
}

/**
 * The upstream schema the proxy speaks: `'seed'` (the emulator, or any upstream with the seed
 * contract) or `'stigg'` (hosted Stigg at `https://api.stigg.io/graphql`, or the emulator's
 * `/hosted/graphql`). The browser sends the same operations and gets the same shapes with either.
 */
export type StiggDialectName = 'seed' | 'stigg'

/** The `extensions.code` of every error the proxy itself answers with. */
export type StiggProxyErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'BAD_REQUEST'
  | 'BAD_USER_INPUT'
  | 'GRAPHQL_PARSE_FAILED'
  | 'GRAPHQL_VALIDATION_FAILED'
  | 'QUERY_TOO_COMPLEX'
  | 'METHOD_NOT_ALLOWED'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'PAYLOAD_TOO_LARGE'
  | 'INTERNAL_SERVER_ERROR'
  | 'UPSTREAM_TIMEOUT'
  | 'UPSTREAM_UNAVAILABLE'
  | 'UPSTREAM_ERROR'
  | 'UPSTREAM_AUTH'
  | 'UPSTREAM_BAD_RESPONSE'
  | 'UPSTREAM_TOO_LARGE'
  | 'RATE_LIMITED'
  | 'REQUEST_TIMEOUT'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'IDEMPOTENCY_KEY_IN_USE'

/** The codes of upstream faults, as `upstream_error` events and responses carry them. */
export type StiggUpstreamErrorCode = Extract<
  StiggProxyErrorCode,
  'UPSTREAM_TIMEOUT' | 'UPSTREAM_UNAVAILABLE' | 'UPSTREAM_ERROR' | 'UPSTREAM_AUTH' | 'UPSTREAM_BAD_RESPONSE' | 'UPSTREAM_TOO_LARGE' | 'RATE_LIMITED'
>

/** The request passed the firewall and the upstream answered with GraphQL JSON. */
export interface StiggProxyAllowedEvent {
  type: 'allowed'
  customerId: string
  operationName: string | null
  /** Root field names (not aliases), each once. */
  rootFields: string[]
  /** From receiving the request to having the upstream's answer. */
  durationMs: number
  /**
   * Where the answer came from: `'upstream'` (a call of its own), `'shared'` (an identical read
   * already in flight) or `'cache'` (the `cache` option's store).
   */
  source: 'upstream' | 'shared' | 'cache'
}

/** The firewall refused the request; nothing was forwarded. */
export interface StiggProxyDeniedEvent {
  type: 'denied'
  reason: StiggProxyErrorCode
  status: number
  message: string
  /** Present once `identify` has answered. */
  customerId?: string
}

/** The request was forwarded and the upstream failed. */
export interface StiggProxyUpstreamErrorEvent {
  type: 'upstream_error'
  code: StiggUpstreamErrorCode
  status: number
  message: string
  customerId?: string
  operationName?: string | null
}

/** The proxy could not handle the request: `identify` threw or answered nonsense. */
export interface StiggProxyInternalErrorEvent {
  type: 'error'
  code: 'INTERNAL_SERVER_ERROR'
  status: 500
  message: string
  /** What was thrown, for your logs. Never sent to the browser. */
  cause?: unknown
}

/**
 * A store failed or missed its deadline. `'budget'`: `limits.store` could not count a call, which
 * then went ahead as within budget. Otherwise the `cache` option's store failed or missed its deadline; the request was answered from
 * upstream as on a cache miss. `operation` `'invalidate'` means a write could not retire the
 * customer's cached answers: this instance stops serving them from the cache until they expire.
 */
export interface StiggProxyStoreErrorEvent {
  type: 'store_error'
  operation: 'get' | 'set' | 'invalidate' | 'budget'
  customerId: string
  message: string
}

/** One structured log line per request (plus `store_error` when the cache's store fails). Never contains the API key. */
export type StiggProxyEvent =
  | StiggProxyAllowedEvent
  | StiggProxyStoreErrorEvent
  | StiggProxyDeniedEvent
  | StiggProxyUpstreamErrorEvent
  | StiggProxyInternalErrorEvent

/** A Fetch-API request handler, e.g. a Next.js App Router `POST` export. */
export type StiggProxyHandler = (request: Request) => Promise<Response>

export interface StiggProxyOptions {
  /** Your Stigg Full-access key. Stays on the server: added to upstream requests only. */
  apiKey: string
  /** The upstream GraphQL endpoint: hosted Stigg's `/graphql` or an emulator's URL. */
  upstreamUrl: string
  /**
   * Your session lookup: who is making this request? Return null when nobody is signed in
   * (the proxy answers 401). Read headers or cookies only; do not consume the body.
   * @example identify: async (request) => { const s = await getSession(request); return s ? { customerId: s.orgId } : null }
   */
  identify: (request: Request) => Promise<StiggIdentity | null> | StiggIdentity | null
  /**
   * The upstream's schema: `'stigg'` for hosted Stigg, `'seed'` for the emulator's `/graphql`.
   * @default 'seed'
   */
  dialect?: StiggDialectName
  /** What the browser may do besides reading. */
  allow?: StiggProxyAllow
  /**
   * How long the upstream may take, from sending to the last byte of its answer.
   * @default 10_000
   */
  timeoutMs?: number
  /**
   * The fetch used for upstream calls, e.g. an in-process emulator's `fetch`.
   * Without it, Node sends upstream calls over `node:http(s)` with a keep-alive agent (several
   * times the throughput of the built-in fetch, see the README's Performance section) and
   * other runtimes use `globalThis.fetch`.
   */
  fetch?: (request: Request) => Promise<Response>
  /** Structured log: one event per request. Exceptions it throws are ignored. */
  onEvent?: (event: StiggProxyEvent) => void
  /**
   * A short answer cache for reads (entitlements, subscriptions), per customer: repeated reads
   * within `ttlMs` are answered without calling Stigg. A usage report or provisioning through
   * the proxy retires that customer's cached answers at once; changes made elsewhere (Stigg's
   * dashboard, your backend) show after at most `ttlMs` (≤ 60 000). `store` defaults to this
   * process's memory; `createRedisStore(redis)` shares it between instances. A store that fails
   * or takes over 50 ms counts as a miss (`store_error` event), never as an error to the browser.
   * Identical reads in flight at the same moment share one upstream call with or without it.
   * @default false
   * @example cache: { ttlMs: 5_000, store: createRedisStore(redis) }
   */
  cache?: false | StiggProxyCacheOptions
  /**
   * Bounds on what one request and one customer may cost. Every field has a safe default.
   * @example limits: { concurrent: 8, perMinute: 300, store: createRedisStore(redis) }
   */
  limits?: StiggProxyLimits
  /**
   * Send upstream errors to the browser whole (stack traces, internal extensions) instead of
   * reduced to `message`, `path` and `extensions.code`. For development only.
   * @default false
   */
  exposeUpstreamErrors?: boolean
  /**
   * Usage reports count at most once per `idempotencyKey`, with either dialect: hosted Stigg's
   * `reportUsage` takes no key, so the proxy remembers each customer's (key → answer) for
   * `windowMs` and replays it to a retry instead of calling Stigg again. A duplicate sent while
   * the first is in flight waits for its answer; a first attempt that failed is not remembered.
   * The same key with another feature or value answers 422 `IDEMPOTENCY_KEY_REUSED`. `store`
   * defaults to `cache.store`, else this process's memory; use a shared one (`createRedisStore`)
   * when several instances serve the proxy. `false` forwards reports as they come.
   * @default { windowMs: 3_600_000 }
   * @example idempotency: { windowMs: 600_000, store: createRedisStore(redis) }
   */
  idempotency?: false | StiggProxyIdempotencyOptions
}

/** The `idempotency` option of {@link StiggProxyOptions}. */
export interface StiggProxyIdempotencyOptions {
  /** How long a report's answer is replayed for its key, in milliseconds: > 0 and ≤ 86 400 000. @default 3_600_000 */
  windowMs?: number
  /** Where (customer, key) → answer lives. @default options.cache.store, else createMemoryStore() */
  store?: StiggProxyStore
}

/**
 * The `limits` option of {@link StiggProxyOptions}. Budgets count calls that reach Stigg (cached
 * and shared answers are free), per identified customer; past a budget the proxy answers 429
 * `RATE_LIMITED` with `Retry-After` and forwards nothing, so one customer cannot spend the
 * whole account's Stigg rate limit.
 */
export interface StiggProxyLimits {
  /** Fields one operation may ask for once fragments are expanded, each alias counted. @default 3_000 */
  maxFields?: number
  /** Upstream calls one customer may have in flight at once; `false` for no bound. @default 16 */
  concurrent?: number | false
  /** Upstream calls one customer may start per clock minute; `false` for no bound. @default 600 */
  perMinute?: number | false
  /** How long the browser may take to send its body, from the first header, in ms. @default 10_000 */
  bodyTimeoutMs?: number
  /**
   * Where the budgets are counted; share one (`createRedisStore`) between instances. A store that
   * fails or answers late counts as within budget. @default options.cache.store, else createMemoryStore()
   */
  store?: StiggProxyStore
}

/** The `cache` option of {@link StiggProxyOptions}. */
export interface StiggProxyCacheOptions {
  /** How long a read's answer may be served again, in milliseconds: > 0 and ≤ 60 000. */
  ttlMs: number
  /** Where answers live. @default createMemoryStore() */
  store?: StiggProxyStore
}
