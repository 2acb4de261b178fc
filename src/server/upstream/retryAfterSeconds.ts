import { parseRetryAfter } from '../../core/StiggError'

/** The longest wait the proxy passes on to browsers. */
export const MAX_RETRY_AFTER_SECONDS = 600

/**
 * Whole seconds a rate-limited browser should wait. Honours the upstream's `Retry-After`
 * (seconds or an HTTP date, read by the client's own `parseRetryAfter`); hosted Stigg sends
 * none and limits per minute, so the default is the rest of the current minute window.
 * Clamped to 1..600: an upstream's `Retry-After: 1e23` (or a date years ahead) must not tell
 * browsers to stop asking forever.
 */
export function retryAfterSeconds(upstreamHeader: string | null, now: number = Date.now()): number {
  const ms = parseRetryAfter(upstreamHeader, now)
  if (ms !== null) return Math.min(MAX_RETRY_AFTER_SECONDS, Math.max(1, Math.ceil(ms / 1000)))
  return Math.max(1, Math.ceil((60_000 - (now % 60_000)) / 1000))
}
