import { warnOnce } from '../core/warnOnce'

/** A bad `requestedUsage` logs once (per hook, feature and value) in development and falls back to the default, 1. */
export function validRequestedUsage(hook: string, featureId: string, requestedUsage: number | undefined): number {
  if (requestedUsage === undefined) return 1
  if (Number.isFinite(requestedUsage) && requestedUsage >= 0) return requestedUsage
  if (process.env.NODE_ENV !== 'production') {
    warnOnce(`\`${hook}\` got requestedUsage=${String(requestedUsage)} for '${featureId}'; it must be a number >= 0. Using 1.`)
  }
  return 1
}
