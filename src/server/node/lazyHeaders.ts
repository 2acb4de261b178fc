/** A header name as the Fetch spec allows it: anything else goes to the real `Headers`, which throws as it should. */
const token = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/

/**
 * The browser's headers as a `Headers` that answers `get` and `has` straight from Node's parsed
 * record: building undici's `Headers` (name and value validation, a sorted copy) cost 6–12 µs
 * per request for a browser's ten-odd headers, and the proxy only ever reads two or three of
 * them (content type, content length, the session cookie). Anything else (iteration, `set`,
 * `getSetCookie`…) builds the real `Headers` once and answers from it from then on, so
 * `instanceof Headers` holds and every method behaves as before.
 *
 * @param record lower-case names, as `IncomingMessage.headers` has them, single values only.
 * @param build makes the real `Headers`; the lazy `Request` shares it.
 */
export function lazyHeaders(record: Record<string, string>, build: () => Headers): Headers {
  let real: Headers | undefined
  const read = (name: unknown): string | undefined => {
    const lower = String(name).toLowerCase()
    return Object.hasOwn(record, lower) ? record[lower] : undefined
  }
  const get = (name: string): string | null => (real === undefined && token.test(name) ? (read(name) ?? null) : (real ??= build()).get(name))
  const has = (name: string): boolean => (real === undefined && token.test(name) ? read(name) !== undefined : (real ??= build()).has(name))
  return new Proxy(Object.create(Headers.prototype) as Headers, {
    get(_target, key) {
      if (real === undefined) {
        if (key === 'get') return get
        if (key === 'has') return has
      }
      const headers = (real ??= build())
      const value: unknown = Reflect.get(headers, key, headers)
      // Methods check their receiver's brand: call them on the real Headers.
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(headers) : value
    },
    has: (_target, key) => Reflect.has((real ??= build()), key),
    ownKeys: () => Reflect.ownKeys((real ??= build())),
    getOwnPropertyDescriptor: (_target, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor((real ??= build()), key)
      return descriptor === undefined ? undefined : { ...descriptor, configurable: true }
    },
  })
}
