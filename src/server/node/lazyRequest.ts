import { lazyHeaders } from './lazyHeaders'

interface LazyRequestState {
  url: string
  method: string
  init: Record<string, string> | Array<[string, string]>
  headers: Headers | undefined
  realHeaders: Headers | undefined
  real: Request | undefined
}

// The state lives on the Proxy's own target, under a symbol no trap ever answers for: a property
// store per request instead of a WeakMap entry (which the garbage collector also pays for).
const STATE = Symbol('lazy request state')
type Target = { [STATE]: LazyRequestState }

const realHeadersOf = (state: LazyRequestState): Headers => (state.realHeaders ??= new Headers(state.init))
const materialize = (target: Target): Request => {
  const state = target[STATE]
  return (state.real ??= new Request(state.url, { method: state.method, headers: realHeadersOf(state) }))
}

// One handler for every request, its state kept with the target: a handler and five closures per
// request cost more than the checks they served (bench/interleaved.ts, identify's headers).
const handler: ProxyHandler<Target> = {
  get(target, key) {
    const state = target[STATE]
    if (state.real === undefined) {
      // Repeated values (pairs) are rare: those get the real Headers at once.
      if (key === 'headers') return (state.headers ??= Array.isArray(state.init) ? realHeadersOf(state) : lazyHeaders(state.init, () => realHeadersOf(state)))
      if (key === 'method') return state.method
      if (key === 'url') return state.url
      // The body was read separately: like the real one, this Request carries none.
      if (key === 'body') return null
      if (key === 'bodyUsed') return false
    }
    const request = materialize(target)
    const value: unknown = Reflect.get(request, key, request)
    // Methods and accessors check their receiver's brand: call them on the real Request.
    return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(request) : value
  },
  has: (target, key) => Reflect.has(materialize(target), key),
  set: (target, key, value) => Reflect.set(materialize(target), key, value),
  ownKeys: (target) => Reflect.ownKeys(materialize(target)),
  getOwnPropertyDescriptor: (target, key) => {
    const descriptor = Reflect.getOwnPropertyDescriptor(materialize(target), key)
    // The proxy's own target has no such property: report it configurable, as the invariants require.
    return descriptor === undefined ? undefined : { ...descriptor, configurable: true }
  },
}

/**
 * A bodiless `Request` for `identify` that reads its method, URL and headers without building
 * the `Request` itself: undici's constructor (URL parse, AbortController, header copy) cost the
 * proxy about 50 µs of CPU per request, a fifth of all it spends (bench/, profiled), and its
 * `Headers` another 5 µs (see `lazyHeaders`). Anything else (`signal`, `clone()`, `cookies` of a
 * framework wrapper…) builds the real `Request` on first use and answers from it, so
 * `instanceof Request` holds and every property behaves as before.
 */
export function lazyRequest(url: string, method: string, init: Record<string, string> | Array<[string, string]>): Request {
  const target = Object.create(Request.prototype) as Target
  target[STATE] = { url, method, init, headers: undefined, realHeaders: undefined, real: undefined }
  return new Proxy(target, handler) as unknown as Request
}
