/**
 * Seconds a rate-limited browser should wait. Honours the upstream's `Retry-After`
 * (seconds or an HTTP date); hosted Stigg sends none and limits per minute, so the
 * default is the rest of the current minute window. Always at least 1.
 */
export function retryAfterSeconds(upstreamHeader: string | null, now: number = Date.now()): number {
  const value = upstreamHeader?.trim() ?? ''
  if (/^\d+$/.test(value)) return Math.max(1, Number(value))
  const date = value === '' ? Number.NaN : Date.parse(value)
  if (Number.isFinite(date)) return Math.max(1, Math.ceil((date - now) / 1000))
  return Math.max(1, Math.ceil((60_000 - (now % 60_000)) / 1000))
}
