import { warnOnce } from '../core/warnOnce'

/** A bad `requestedUsage` logs once (per hook, features and value) in development and falls back to the default, 1. */
export function validRequestedUsage(hook: string, featureIds: readonly string[], requestedUsage: number | undefined): number {
  if (requestedUsage === undefined || (Number.isFinite(requestedUsage) && requestedUsage >= 0)) return requestedUsage ?? 1
  if (process.env.NODE_ENV !== 'production') {
    warnOnce(`\`${hook}\` got requestedUsage=${String(requestedUsage)} for '${featureIds.join(', ')}'; it must be a number >= 0. Using 1.`)
  }
  return 1
}
