import { describe, expect, it } from 'vitest'
import { StiggError } from 'react-stigg'
// Internals: the retry policy is not public API, the hooks apply it (test/react/retry.test.tsx).
import { retryDelay, shouldRetry } from '../../src/core/retry'
import { parseRetryAfter } from '../../src/core/StiggError'

const error = (status: number | null, retryAfterMs: number | null = null) =>
  new StiggError('x', { code: status === null ? 'NETWORK_ERROR' : `HTTP_${status}`, status, retryable: status === null || status === 429 || status >= 500, retryAfterMs })

describe('retry policy', () => {
  it('retries network errors, 5xx and 429 up to 3 times', () => {
    for (const e of [error(null), error(503), error(500), error(429)]) {
      expect([0, 1, 2, 3].map((n) => shouldRetry(n, e))).toEqual([true, true, true, false])
    }
  })

  it('never retries other 4xx or foreign errors', () => {
    for (const e of [error(400), error(401), error(403), error(404), new Error('boom')]) expect(shouldRetry(0, e)).toBe(false)
  })

  it('backs off exponentially, capped, unless the server said Retry-After', () => {
    expect([0, 1, 2, 10].map((n) => retryDelay(n, error(503)))).toEqual([1000, 2000, 4000, 30_000])
    expect(retryDelay(0, error(429, 2500))).toBe(2500)
    expect(retryDelay(0, error(429, 10 * 60_000))).toBe(60_000)
  })
})

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('3')).toBe(3000)
    expect(parseRetryAfter('0')).toBe(0)
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4000)).toBe(6000)
    expect(parseRetryAfter(null)).toBeNull()
    expect(parseRetryAfter('soon')).toBeNull()
  })
})
