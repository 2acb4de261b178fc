import { LruCache } from '../../graphql/LruCache'
import type { StiggProxyStore } from '../store/StiggProxyStore'
import type { ResolvedCache } from './resolveCacheOptions'
import { callStore } from '../store/callStore'

/** A store call that has not answered by then counts as failed: a cache must never be slower than a miss. */
export const STORE_DEADLINE_MS = 50
/** After a failure the store is left alone this long, so a Redis outage costs one deadline per second, not one per request. */
const STORE_PAUSE_MS = 1_000
/** A customer's generation outlives any answer stored under it (entries live at most MAX_CACHE_TTL_MS). */
const GENERATION_TTL_MS = 24 * 60 * 60 * 1_000

export type StoreOperation = 'get' | 'set' | 'invalidate'

/** What a cache lookup found: an answer body, or the generation to store a fresh answer under (none: do not store). */
export type Lookup = { body: string } | { body?: undefined; generation: string | undefined }

export interface AnswerCache {
  lookup(customerId: string, key: string): Promise<Lookup>
  remember(customerId: string, key: string, generation: string, body: string): void
  /** Makes every answer stored so far for `customerId` unreachable, on every instance sharing the store. */
  invalidate(customerId: string): Promise<void>
}

/**
 * The opt-in answer cache over a {@link StiggProxyStore}. Isolation and invalidation rest on one
 * per-customer generation: a random token under `g:<customerId>`, replaced by every write of that
 * customer. An answer is stored as `generation NUL key NUL body` under `a:<customerId>:<hash>`
 * and served only when both its customer, its generation and its full key match: another
 * customer's answer, an answer from before a write, or a hash collision are all plain misses.
 */
export function createAnswerCache(
  { ttlMs, store }: ResolvedCache,
  report: (operation: StoreOperation, error: unknown, customerId: string) => void,
): AnswerCache {
  let pausedUntil = 0
  // Customers whose invalidation failed: not served from the cache on this instance until their answers expire.
  const unsure = new LruCache<string, number>(10_000)

  const guarded = <T>(operation: StoreOperation, customerId: string, call: () => Promise<T>): Promise<T> =>
    callStore(call, STORE_DEADLINE_MS).catch((error: unknown) => {
      pausedUntil = Date.now() + STORE_PAUSE_MS
      report(operation, error, customerId)
      throw error
    })
  const generationKey = (customerId: string) => `g:${customerId}`
  const newGeneration = () => globalThis.crypto.randomUUID()
  const framed = (generation: string, key: string) => `${generation}\u0000${key}\u0000`

  return {
    async lookup(customerId, key) {
      const now = Date.now()
      if (now < pausedUntil || (unsure.get(customerId) ?? 0) > now) return { generation: undefined }
      try {
        const [generation, entry] = await Promise.all([
          guarded('get', customerId, () => store.get(generationKey(customerId))),
          guarded('get', customerId, () => store.get(answerKey(customerId, key))),
        ])
        if (generation !== undefined) {
          const head = framed(generation, key)
          return entry?.startsWith(head) ? { body: entry.slice(head.length) } : { generation }
        }
        // A first generation for this customer, stored before the upstream is asked: an answer is
        // only ever stored under a generation that a later write is sure to replace.
        const created = newGeneration()
        await guarded('set', customerId, () => store.set(generationKey(customerId), created, GENERATION_TTL_MS))
        return { generation: created }
      } catch {
        return { generation: undefined } // reported by guarded(); answered from upstream, not stored
      }
    },
    remember(customerId, key, generation, body) {
      guarded('set', customerId, () => store.set(answerKey(customerId, key), framed(generation, key) + body, ttlMs)).catch(() => undefined)
    },
    async invalidate(customerId) {
      try {
        await guarded('invalidate', customerId, () => store.set(generationKey(customerId), newGeneration(), GENERATION_TTL_MS))
      } catch {
        unsure.set(customerId, Date.now() + ttlMs)
      }
    },
  }
}

const answerKey = (customerId: string, key: string) => `a:${customerId}:${hash(key)}`

/** cyrb53: a fast 53-bit string hash. Only names the store key; the full key is compared on read. */
function hash(text: string): string {
  let h1 = 0xdeadbeef
  let h2 = 0x41c6ce57
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    h1 = Math.imul(h1 ^ c, 2654435761)
    h2 = Math.imul(h2 ^ c, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36)
}
