/**
 * Where the proxy keeps state that several proxy instances may share: the short answer cache
 * and per-customer budgets. In memory by default ({@link createMemoryStore}); a Redis store
 * lets several instances share it. Every method may reject or hang: the proxy treats a store
 * that fails or answers late as a miss (or as "within budget") and reports it through
 * `onEvent`, so a broken store never turns into a 5xx for the browser.
 */
export interface StiggProxyStore {
  /** The value stored under `key`, or undefined when absent or expired. */
  get(key: string): Promise<string | undefined>
  /** Stores `value` under `key` for `ttlMs`. */
  set(key: string, value: string, ttlMs: number): Promise<void>
  /**
   * Adds `by` (may be negative) to the integer under `key` (0 when absent) and answers the
   * new value; the key expires `ttlMs` after it was first created.
   */
  increment(key: string, by: number, ttlMs: number): Promise<number>
}
