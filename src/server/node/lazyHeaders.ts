/** A header name as the Fetch spec allows it: anything else goes to the real `Headers`, which throws as it should. */
const token = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/

interface LazyState {
  record: Record<string, string>
  build: () => Headers
  real: Headers | undefined
}

const state = new WeakMap<object, LazyState>()
const realOf = (self: object): Headers => {
  const lazy = state.get(self)!
  return (lazy.real ??= lazy.build())
}
/** The record's value, when the real Headers is not built yet and the name is one it would accept. */
const fromRecord = (self: object, name: unknown): string | undefined | typeof DELEGATE => {
  const lazy = state.get(self)!
  if (lazy.real !== undefined || typeof name !== 'string' || !token.test(name)) return DELEGATE
  const lower = name.toLowerCase()
  return Object.hasOwn(lazy.record, lower) ? lazy.record[lower] : undefined
}
const DELEGATE = Symbol('delegate')

/**
 * One shared prototype: `get` and `has` read Node's record; every other `Headers` method builds
 * the real `Headers` once and runs on it. It inherits from `Headers.prototype`, so
 * `instanceof Headers` and `[object Headers]` hold.
 */
const lazyPrototype: Headers = Object.create(Headers.prototype, {
  get: {
    value(this: Headers, name: string): string | null {
      const value = fromRecord(this, name)
      return value === DELEGATE ? realOf(this).get(name) : (value ?? null)
    },
  },
  has: {
    value(this: Headers, name: string): boolean {
      const value = fromRecord(this, name)
      return value === DELEGATE ? realOf(this).has(name) : value !== undefined
    },
  },
})
for (const key of Reflect.ownKeys(Headers.prototype)) {
  if (key === 'get' || key === 'has' || key === 'constructor') continue
  const descriptor = Reflect.getOwnPropertyDescriptor(Headers.prototype, key)!
  if (typeof descriptor.value !== 'function') continue
  const method = descriptor.value as (...args: unknown[]) => unknown
  Object.defineProperty(lazyPrototype, key, {
    value(this: object, ...args: unknown[]) {
      return method.apply(realOf(this), args)
    },
  })
}

/**
 * The browser's headers as a `Headers` that answers `get` and `has` straight from Node's parsed
 * record: building undici's `Headers` (name and value checks, a sorted copy) costs about 5 µs per
 * request for a browser's dozen headers, and the proxy only reads two or three of them (content
 * type, content length, the session cookie). Anything else (iteration, `set`, `getSetCookie`…)
 * builds the real `Headers` once and answers from it from then on.
 *
 * @param record lower-case names, as `IncomingMessage.headers` has them, single values only.
 * @param build makes the real `Headers`; the lazy `Request` shares it.
 */
export function lazyHeaders(record: Record<string, string>, build: () => Headers): Headers {
  const headers = Object.create(lazyPrototype) as Headers
  state.set(headers, { record, build, real: undefined })
  return headers
}
