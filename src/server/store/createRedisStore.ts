import type { StiggProxyStore } from './StiggProxyStore'

/**
 * The few ioredis methods the store calls: any ioredis `Redis` (or `Cluster`) instance has them.
 * Structural, so the package's types do not import ioredis (an optional peer): apps without it
 * still type-check with `skipLibCheck: false`.
 */
export interface RedisStoreClient {
  get(key: string): Promise<string | null>
  set(key: string, value: string, mode: 'PX', milliseconds: number): Promise<unknown>
  eval(script: string, numberOfKeys: number, ...args: string[]): Promise<unknown>
}

/** Options of {@link createRedisStore}. */
export interface RedisStoreOptions {
  /**
   * Put in front of every key, so several apps (or environments) can share one Redis.
   * @default 'react-stigg:'
   */
  prefix?: string
}

// INCRBY, then an expiry only if the key has none yet: the window starts when the key is created.
const incrementScript = `local v = redis.call('INCRBY', KEYS[1], ARGV[1])
if redis.call('PTTL', KEYS[1]) < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return v`

/**
 * A {@link StiggProxyStore} in Redis, so several proxy instances share one answer cache and
 * one set of budgets. Pass your own `ioredis` client (ioredis ≥ 5 is an optional peer
 * dependency). When Redis is slow or gone, the proxy treats each store call as a miss after a
 * short deadline and keeps answering from upstream; give the client a small
 * `commandTimeout` and `maxRetriesPerRequest` so its own queue does not grow meanwhile.
 *
 * @example
 * import { Redis } from 'ioredis'
 * const redis = new Redis(process.env.REDIS_URL!, { commandTimeout: 50, maxRetriesPerRequest: 1 })
 * toNodeHandler({ apiKey, upstreamUrl, identify, cache: { ttlMs: 5_000, store: createRedisStore(redis, { prefix: 'myapp:stigg:' }) } })
 */
export function createRedisStore(client: RedisStoreClient, options: RedisStoreOptions = {}): StiggProxyStore {
  const { prefix = 'react-stigg:' } = options
  if (typeof client !== 'object' || client === null || typeof client.get !== 'function' || typeof client.set !== 'function' || typeof client.eval !== 'function') {
    throw new TypeError('createRedisStore(client): client must be an ioredis client (new Redis(url)).')
  }
  if (typeof prefix !== 'string') throw new TypeError(`createRedisStore: options.prefix must be a string, got ${String(prefix)}.`)
  const ms = (ttlMs: number) => Math.max(1, Math.ceil(ttlMs))
  return {
    get: async (key) => (await client.get(prefix + key)) ?? undefined,
    set: async (key, value, ttlMs) => {
      await client.set(prefix + key, value, 'PX', ms(ttlMs))
    },
    increment: async (key, by, ttlMs) => Number(await client.eval(incrementScript, 1, prefix + key, String(by), String(ms(ttlMs)))),
  }
}
