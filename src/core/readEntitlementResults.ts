import type { GraphQLFormattedError } from 'graphql'
import { StiggError } from './StiggError'
import { fromGraphQLErrors, graphQLErrorCode, normaliseErrorCode } from './toStiggError'
import type { EntitlementData } from './types'

/** Each feature's result: its data, or the error that only this feature hit. */
export type EntitlementResults = Record<string, EntitlementData | StiggError>

/** Not-found answers are data ("denied"), not failures, so the UI can render them. */
const deniedCodes = new Set(['CustomerNotFound', 'FeatureNotFound'])

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
  const byAlias = new Map<unknown, GraphQLFormattedError[]>()
  for (const error of errors) {
    const alias = error.path?.[0]
    byAlias.set(alias, [...(byAlias.get(alias) ?? []), error])
  }
  const results: EntitlementResults = {}
  featureIds.forEach((featureId, i) => {
    const value = data?.[`e${i}`]
    const own = byAlias.get(`e${i}`) ?? byAlias.get(undefined) ?? []
    const code = normaliseErrorCode(graphQLErrorCode(own[0]) ?? '')
    if (value != null && own.length === 0) results[featureId] = value
    else if (deniedCodes.has(code)) results[featureId] = deniedEntitlement(featureId, code)
    else if (own.length > 0) results[featureId] = fromGraphQLErrors(own, status, `customerEntitlement('${featureId}')`)
    else
      results[featureId] = new StiggError(
        `react-stigg: the Stigg endpoint ${url} answered customerEntitlement('${featureId}') with neither data nor an error.`,
        { code: 'BAD_RESPONSE', status },
      )
  })
  return results
}

function deniedEntitlement(featureId: string, reason: string): EntitlementData {
  return {
    featureId,
    isGranted: false,
    usageLimit: null,
    currentUsage: 0,
    resetPeriod: null,
    accessDeniedReason: reason,
    usagePeriodEnd: null,
    feature: null,
  }
}
