/** A bounded least-recently-used map: the proxy and the emulator cache parsed documents by text without growing forever. */
export class LruCache<K, V> {
  private readonly entries = new Map<K, V>()
  /** The key at the newest end: a client repeats one document, and it needs no reordering. */
  private newestKey: K | undefined

  constructor(private readonly capacity: number) {}

  get(key: K): V | undefined {
    if (this.newestKey !== undefined && key === this.newestKey) return this.entries.get(key)
    const value = this.entries.get(key)
    if (value !== undefined) {
      // Re-inserting moves the key to the newest end of the Map's insertion order.
      this.entries.delete(key)
      this.entries.set(key, value)
      this.newestKey = key
    }
    return value
  }

  set(key: K, value: V): void {
    this.entries.delete(key)
    this.entries.set(key, value)
    this.newestKey = key
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next()
      if (!oldest.done) this.entries.delete(oldest.value)
    }
  }

  /** The key read or written last, for callers that keep it: one copy instead of one per request. */
  get newest(): K | undefined {
    return this.newestKey
  }

  get size(): number {
    return this.entries.size
  }
}
