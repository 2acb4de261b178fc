/** The optional size bound of an {@link LruCache}. */
export interface LruWeight<K, V> {
  /** Upper bound on the sum of entry weights; past it, the least recently used entries leave. */
  maxWeight: number
  /** An entry's weight, e.g. its estimated bytes. An entry heavier than `maxWeight` is not kept. */
  weigh: (key: K, value: V) => number
}

/**
 * A bounded least-recently-used map: the proxy and the emulator cache parsed documents by text
 * without growing forever. Bounded by entries and, optionally, by weight (bytes): a count alone
 * lets a few large documents hold hundreds of megabytes.
 */
export class LruCache<K, V> {
  private readonly entries = new Map<K, V>()
  private readonly weights: Map<K, number> | undefined
  private totalWeight = 0
  /** The key at the newest end: a client repeats one document, and it needs no reordering. */
  private newestKey: K | undefined

  constructor(
    private readonly capacity: number,
    private readonly weight?: LruWeight<K, V>,
  ) {
    if (weight) this.weights = new Map()
  }

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
    this.delete(key)
    if (this.weight && this.weights) {
      const weight = this.weight.weigh(key, value)
      if (weight > this.weight.maxWeight) return
      this.weights.set(key, weight)
      this.totalWeight += weight
    }
    this.entries.set(key, value)
    this.newestKey = key
    while (this.entries.size > this.capacity || (this.weight !== undefined && this.totalWeight > this.weight.maxWeight)) {
      const oldest = this.entries.keys().next()
      if (oldest.done) break
      this.delete(oldest.value)
    }
  }

  delete(key: K): void {
    if (!this.entries.delete(key)) return
    if (this.newestKey === key) this.newestKey = undefined
    const weight = this.weights?.get(key)
    if (weight !== undefined) {
      this.weights?.delete(key)
      this.totalWeight -= weight
    }
  }

  /** The key read or written last, for callers that keep it: one copy instead of one per request. */
  get newest(): K | undefined {
    return this.newestKey
  }

  get size(): number {
    return this.entries.size
  }

  /** The sum of entry weights (0 without a weight bound). */
  get weightUsed(): number {
    return this.totalWeight
  }
}
