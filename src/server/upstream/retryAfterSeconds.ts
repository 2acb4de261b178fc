import { parseRetryAfter } from '../../core/StiggError'

/**
 * Whole seconds a rate-limited browser should wait. Honours the upstream's `Retry-After`
 * (seconds or an HTTP date, read by the client's own `parseRetryAfter`); hosted Stigg sends
 * none and limits per minute, so the default is the rest of the current minute window.
 * Always at least 1.
 */
export function retryAfterSeconds(upstreamHeader: string | null, now: number = Date.now()): number {
  const ms = parseRetryAfter(upstreamHeader, now)
  if (ms !== null) return Math.max(1, Math.ceil(ms / 1000))
  return Math.max(1, Math.ceil((60_000 - (now % 60_000)) / 1000))
}
