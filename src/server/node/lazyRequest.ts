import { lazyHeaders } from './lazyHeaders'

/**
 * A bodiless `Request` for `identify` that reads its method, URL and headers without building
 * the `Request` itself: undici's constructor (URL parse, AbortController, header copy) cost the
 * proxy about 50 µs of CPU per request, a fifth of all it spends (bench/, profiled). Anything else
 * (`signal`, `clone()`, `cookies` of a framework wrapper…) builds the real `Request` on first use
 * and answers from it, so `instanceof Request` holds and every property behaves as before.
 */
export function lazyRequest(url: string, method: string, init: Record<string, string> | Array<[string, string]>): Request {
  let realHeaders: Headers | undefined
  const buildHeaders = (): Headers => (realHeaders ??= new Headers(init))
  let headers: Headers | undefined
  let real: Request | undefined
  const materialize = (): Request => (real ??= new Request(url, { method, headers: buildHeaders() }))
  return new Proxy(Object.create(Request.prototype) as Request, {
    get(_target, key) {
      if (real === undefined) {
        // Repeated values (pairs) are rare: those get the real Headers at once.
        if (key === 'headers') return (headers ??= Array.isArray(init) ? buildHeaders() : lazyHeaders(init, buildHeaders))
        if (key === 'method') return method
        if (key === 'url') return url
        // The body was read separately: like the real one, this Request carries none.
        if (key === 'body') return null
        if (key === 'bodyUsed') return false
      }
      const request = materialize()
      const value: unknown = Reflect.get(request, key, request)
      // Methods and accessors check their receiver's brand: call them on the real Request.
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(request) : value
    },
    has: (_target, key) => Reflect.has(materialize(), key),
    set: (_target, key, value) => Reflect.set(materialize(), key, value),
    ownKeys: () => Reflect.ownKeys(materialize()),
    getOwnPropertyDescriptor: (_target, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(materialize(), key)
      // The proxy's own target has no such property: report it configurable, as the invariants require.
      return descriptor === undefined ? undefined : { ...descriptor, configurable: true }
    },
  })
}
