import { useEffect, useId, type ReactNode } from 'react'
import type { FeatureIdOfKind } from '../../core/Register'
import type { Entitlement } from '../../core/types'
import type { StiggError } from '../../core/StiggError'
import { useAnyEntitlement } from '../../react/useEntitlement'
import { useStiggContext } from '../../react/StiggContext'
import { computeUsageMeter, type UsageMeterState, type UsageMeterValues } from './computeUsageMeter'
import { warnOnce } from '../../core/warnOnce'

/** Options of {@link useUsageMeter}. */
export interface UseUsageMeterOptions {
  /** The visible label; the meter is labelled by it (only its presence matters to the hook). */
  label?: ReactNode
  /** The caller's own accessible name, instead of or besides `label`. */
  'aria-label'?: string
  'aria-labelledby'?: string
  /**
   * Fraction of the limit (0–1) from which the state is `warning`.
   * @default 0.8
   */
  warnAt?: number
  /**
   * Add the reset date ("resets Dec 1") to the text.
   * @default false
   */
  showReset?: boolean
  /** Formats every number in the text. @default Intl.NumberFormat with the provider's locale */
  formatValue?: (value: number) => string
  /**
   * Usage about to be added; the meter warns when it would not fit.
   * @default 1
   */
  requestedUsage?: number
  /**
   * Usage the app counts itself, metered against a numeric feature's configured value (seats
   * used vs seats allowed) instead of Stigg's usage: `usage={members.length}` on `feature-seats`.
   */
  usage?: number
}

/** ARIA and state attributes for the element that is the meter. */
export interface UsageMeterAriaProps {
  role: 'meter'
  'aria-valuemin': number
  'aria-valuemax': number
  'aria-valuenow': number
  'aria-valuetext': string
  'aria-busy'?: true
  'aria-label'?: string
  'aria-labelledby'?: string
  'data-state': UsageMeterState
}

/** What {@link useUsageMeter} returns: the computed values (state, numbers, text), plus the props to spread. */
export interface UseUsageMeterResult extends Omit<UsageMeterValues, 'valueMax' | 'valueNow'> {
  entitlement: Entitlement | null
  error: StiggError | null
  /** Spread on the meter element. */
  meterProps: UsageMeterAriaProps
  /** Spread on the label element. */
  labelProps: { id: string }
}

/**
 * Everything a usage meter shows, plus the props that make any markup an accessible meter.
 *
 * @example
 * const { meterProps, labelProps, percentage } = useUsageMeter('feature-api-calls', { label: 'API calls' })
 * return <div {...meterProps}><span {...labelProps}>API calls</span><progress value={percentage ?? 0} max={100} /></div>
 */
export function useUsageMeter(featureId: FeatureIdOfKind<'metered' | 'numeric'>, options: UseUsageMeterOptions = {}): UseUsageMeterResult {
  const { locale } = useStiggContext('useUsageMeter')
  const { entitlement: stigg, isLoading, isError, error } = useAnyEntitlement('useUsageMeter', featureId, { requestedUsage: options.requestedUsage })
  const { usage } = options
  // The app's count against the configured value (a numeric feature) or Stigg's limit.
  const entitlement =
    usage === undefined || !stigg ? stigg : { ...stigg, currentUsage: usage, usageLimit: stigg.isUnlimited ? null : (stigg.value ?? stigg.usageLimit) }
  const labelId = useId()
  const { valueMax, valueNow, ...values } = computeUsageMeter({ ...options, entitlement, isLoading, isError, locale })

  const { label, 'aria-label': ariaLabel, 'aria-labelledby': ariaLabelledBy } = options
  const hasLabel = label != null && label !== false
  const labelledBy = [ariaLabelledBy, hasLabel && labelId].filter(Boolean).join(' ')
  if (process.env.NODE_ENV !== 'production') {
    // The condition is fixed per build, so the hook order never changes between renders.
    // eslint-disable-next-line react-hooks/rules-of-hooks
    useEffect(() => {
      const meter = `<UsageMeter featureId="${featureId}">`
      if (!hasLabel && !ariaLabel && !ariaLabelledBy) {
        warnOnce(`${meter} has no accessible name. Pass \`label\`, \`aria-label\` or \`aria-labelledby\`.`)
      }
      const { warnAt } = options
      if (warnAt !== undefined && !(Number.isFinite(warnAt) && warnAt >= 0 && warnAt <= 1)) {
        warnOnce(`${meter} got warnAt=${String(warnAt)}; use a fraction from 0 to 1 (0.8 = 80%).`)
      }
      if (entitlement?.feature?.featureType === 'BOOLEAN') {
        warnOnce(`${meter} is bound to a boolean feature, which has no usage. Use <FeatureGate> for it.`)
      }
    })
  }

  const meterProps: UsageMeterAriaProps = {
    role: 'meter',
    'aria-valuemin': 0,
    'aria-valuemax': valueMax,
    'aria-valuenow': valueNow,
    'aria-valuetext': values.valueText,
    'data-state': values.state,
    ...(values.state === 'loading' && { 'aria-busy': true }),
    ...(ariaLabel && { 'aria-label': ariaLabel }),
    ...(labelledBy && { 'aria-labelledby': labelledBy }),
  }
  return { ...values, entitlement, error, meterProps, labelProps: { id: labelId } }
}
