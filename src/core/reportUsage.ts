import type { StiggClient, StiggRequestOptions } from './createStiggClient'
import { reportUsageDocument } from './documents'
import { StiggError } from './StiggError'
import type { ReportUsageParams, UsageMeasurement } from './types'

/**
 * Reports usage for a customer through a {@link StiggClient}: what `useReportUsage` sends, for
 * code outside React (scripts, tests, a worker). A function rather than a client method, so
 * pages that only read entitlements do not ship the mutation. Pass the same `idempotencyKey`
 * when retrying a report whose answer was lost: it then counts once.
 *
 * @example
 * const client = createStiggClient({ url: '/api/stigg' })
 * await reportUsage(client, 'customer-pro', { featureId: 'feature-api-calls', value: 1, idempotencyKey: crypto.randomUUID() })
 */
export function reportUsage(
  client: StiggClient,
  customerId: string,
  { featureId, value, idempotencyKey }: ReportUsageParams,
  options?: StiggRequestOptions,
): Promise<UsageMeasurement> {
  if (!Number.isFinite(value)) {
    const message = process.env.NODE_ENV !== 'production' ? `react-stigg: reportUsage for '${featureId}' needs a finite number value, got ${String(value)}.` : ''
    return Promise.reject(new StiggError(message, { code: 'BAD_INPUT' }))
  }
  // JSON.stringify leaves an undefined idempotencyKey out of the body.
  return client.request<UsageMeasurement>(reportUsageDocument, { input: { customerId, featureId, value, idempotencyKey } }, 'reportUsage', options)
}
