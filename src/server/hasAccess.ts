import type { DecideAccessOptions } from '../core/decideAccess'
import type { ProxyPipeline } from './createProxyPipeline'
import { getEntitlements } from './getEntitlements'

/** Options of `hasAccess` (see {@link createStiggServer}): `requestedUsage` and `minValue`, as in the hooks. */
export type HasAccessOptions = DecideAccessOptions

/**
 * True when the request's customer may use `featureId` now; false when signed out or denied.
 * Rejects with the `StiggError` when Stigg could not answer for this feature: a server action
 * must not guess, so the caller chooses (deny, fallback, error page).
 */
export async function hasAccess(
  pipeline: ProxyPipeline,
  request: Request,
  featureId: string,
  options: HasAccessOptions = {},
): Promise<boolean> {
  const { entitlements, errors } = await getEntitlements(pipeline, request, [featureId], options)
  if (errors[featureId]) throw errors[featureId]
  return entitlements[featureId]?.hasAccess ?? false
}
