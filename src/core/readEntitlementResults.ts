import type { GraphQLFormattedError } from 'graphql'
import { StiggError } from './StiggError'
import { graphQLErrorCode, toStiggError } from './toStiggError'
import type { EntitlementData } from './types'

/** Each feature's result: its data, or the error that only this feature hit. */
export type EntitlementResults = Record<string, EntitlementData | StiggError>

/**
 * Not-found answers are data ("denied"), not failures, so the UI can render them. Hosted Stigg
 * spells the codes both ways; the reason always takes the seed spelling.
 */
const deniedReasons = ['CustomerNotFound', 'FeatureNotFound']

/**
 * Splits one aliased answer (`e0…e{n-1}`, see `entitlementsDocument`) into per-feature
 * results: errors are matched to features by their `path`; errors without one hit every feature.
 */
export function readEntitlementResults(
  featureIds: readonly string[],
  data: Record<string, EntitlementData | null> | null | undefined,
  errors: readonly GraphQLFormattedError[],
  status: number,
  url: string,
): EntitlementResults {
  const results: EntitlementResults = {}
  featureIds.forEach((featureId, i) => {
    const alias = `e${i}`
    const value = data?.[alias]
    const own = errors.filter((error) => error.path?.[0] === alias)
    if (own.length === 0) own.push(...errors.filter((error) => error.path?.[0] === undefined))
    const code = graphQLErrorCode(own[0])?.replace(/_/g, '').toUpperCase()
    const reason = deniedReasons.find((known) => known.toUpperCase() === code)
    results[featureId] =
      value != null && own.length === 0
        ? value
        : reason
          ? {
              featureId,
              isGranted: false,
              usageLimit: null,
              currentUsage: 0,
              resetPeriod: null,
              accessDeniedReason: reason,
              usagePeriodEnd: null,
              feature: null,
            }
          : own.length > 0
            ? toStiggError(own, status, process.env.NODE_ENV !== 'production' ? `customerEntitlement('${featureId}')` : '')
            : new StiggError(process.env.NODE_ENV !== 'production' ? `react-stigg: ${url} answered customerEntitlement('${featureId}') without data` : '', {
                code: 'BAD_RESPONSE',
                status,
              })
  })
  return results
}
