import { StiggError } from './StiggError'

/** Stigg calls are tried at most this many extra times. */
export const maxRetries = 3

/**
 * The retry policy of every Stigg query (and of usage reports, which carry an idempotency
 * key): network errors, 5xx and 429 only; another 4xx will fail the same way again.
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  return failureCount < maxRetries && error instanceof StiggError && error.retryable
}

/** Exponential backoff (1 s, 2 s, 4 s… capped at 30 s) unless the server said `Retry-After` (capped at 60 s). */
export function retryDelay(failureCount: number, error: unknown): number {
  if (error instanceof StiggError && error.retryAfterMs !== null) return Math.min(error.retryAfterMs, 60_000)
  return Math.min(1000 * 2 ** failureCount, 30_000)
}
