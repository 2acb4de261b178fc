import type { StiggProxyStore } from './StiggProxyStore'

/** Options of {@link createMemoryStore}. */
export interface MemoryStoreOptions {
  /**
   * Upper bound on what the store holds, counted as the characters of keys and values (about
   * their bytes for JSON). Past it, the oldest entries go first.
   * @default 16_777_216 (16 MiB)
   */
  maxBytes?: number
  /** The clock, for tests. @default Date.now */
  now?: () => number
}

interface Entry {
  value: string
  expiresAt: number
}

/**
 * The proxy's default {@link StiggProxyStore}: one process's memory, bounded by size, expired
 * entries dropped when read or pushed out. Several proxy instances do not share it: use
 * `createRedisStore` for that.
 *
 * @example
 * const proxy = createStiggProxy({ apiKey, upstreamUrl, identify, cache: { ttlMs: 5_000, store: createMemoryStore({ maxBytes: 4 << 20 }) } })
 */
export function createMemoryStore(options: MemoryStoreOptions = {}): StiggProxyStore {
  const { maxBytes = 16 * 1024 * 1024, now = Date.now } = options
  if (typeof maxBytes !== 'number' || !Number.isFinite(maxBytes) || maxBytes <= 0) {
    throw new TypeError(`createMemoryStore: options.maxBytes must be a positive number, got ${String(maxBytes)}.`)
  }
  // Map order is insertion order: the first key is the oldest write, evicted first.
  const entries = new Map<string, Entry>()
  let bytes = 0

  const remove = (key: string, entry: Entry): void => {
    entries.delete(key)
    bytes -= key.length + entry.value.length
  }
  const live = (key: string): Entry | undefined => {
    const entry = entries.get(key)
    if (entry !== undefined && entry.expiresAt <= now()) {
      remove(key, entry)
      return undefined
    }
    return entry
  }
  const write = (key: string, value: string, expiresAt: number): void => {
    const old = entries.get(key)
    if (old !== undefined) remove(key, old)
    const size = key.length + value.length
    if (size > maxBytes) return // larger than the whole store: not kept, a later read misses
    while (bytes + size > maxBytes) {
      const oldest = entries.entries().next().value as [string, Entry] | undefined
      if (oldest === undefined) break
      remove(oldest[0], oldest[1])
    }
    entries.set(key, { value, expiresAt })
    bytes += size
  }

  return {
    get: (key) => Promise.resolve(live(key)?.value),
    set: (key, value, ttlMs) => {
      write(key, value, now() + ttlMs)
      return Promise.resolve()
    },
    increment: (key, by, ttlMs) => {
      const entry = live(key)
      const next = (entry === undefined ? 0 : Number(entry.value) || 0) + by
      // The expiry is set when the key is created and kept by later increments.
      write(key, String(next), entry?.expiresAt ?? now() + ttlMs)
      return Promise.resolve(next)
    },
  }
}
