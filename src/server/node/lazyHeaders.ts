/** A header name as the Fetch spec allows it: anything else goes to the real `Headers`, which throws as it should. */
const token = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/

const DELEGATE = Symbol('delegate')

/**
 * `get` and `has` read Node's record; every other `Headers` method builds the real `Headers` once
 * and runs on it. Its prototype inherits from `Headers.prototype`, so `instanceof Headers` and
 * `[object Headers]` hold. The state is in private fields, not a WeakMap: a WeakMap entry per
 * request also costs the garbage collector (ephemeron tables; bench/profileProxy.ts).
 */
class LazyHeaders {
  readonly #record: Record<string, string>
  readonly #build: () => Headers
  #real: Headers | undefined

  constructor(record: Record<string, string>, build: () => Headers) {
    this.#record = record
    this.#build = build
  }

  static real(self: LazyHeaders): Headers {
    return (self.#real ??= self.#build())
  }

  /** The record's value, when the real Headers is not built yet and the name is one it would accept. */
  static fromRecord(self: LazyHeaders, name: unknown): string | undefined | typeof DELEGATE {
    if (self.#real !== undefined || typeof name !== 'string' || !token.test(name)) return DELEGATE
    const lower = name.toLowerCase()
    return Object.hasOwn(self.#record, lower) ? self.#record[lower] : undefined
  }

  get(name: string): string | null {
    const value = LazyHeaders.fromRecord(this, name)
    return value === DELEGATE ? LazyHeaders.real(this).get(name) : (value ?? null)
  }

  has(name: string): boolean {
    const value = LazyHeaders.fromRecord(this, name)
    return value === DELEGATE ? LazyHeaders.real(this).has(name) : value !== undefined
  }
}
Object.setPrototypeOf(LazyHeaders.prototype, Headers.prototype)
// `headers.constructor` stays `Headers`, as on the plain prototype this class replaced.
Object.defineProperty(LazyHeaders.prototype, 'constructor', { value: Headers, writable: true, configurable: true })
for (const key of Reflect.ownKeys(Headers.prototype)) {
  if (key === 'get' || key === 'has' || key === 'constructor') continue
  const descriptor = Reflect.getOwnPropertyDescriptor(Headers.prototype, key)!
  if (typeof descriptor.value !== 'function') continue
  const method = descriptor.value as (...args: unknown[]) => unknown
  Object.defineProperty(LazyHeaders.prototype, key, {
    value(this: LazyHeaders, ...args: unknown[]) {
      return method.apply(LazyHeaders.real(this), args)
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
  return new LazyHeaders(record, build) as unknown as Headers
}
