import type { FeatureIdOfKind } from '../../core/Register'
import { forwardRef, type HTMLAttributes, type ReactNode } from 'react'
import { useUsageMeter, type UseUsageMeterOptions, type UseUsageMeterResult } from './useUsageMeter'

/** Props of {@link UsageMeter}; any other `div` prop (className, style, data-*, aria-*) lands on the root. */
export interface UsageMeterProps
  extends UseUsageMeterOptions,
    Omit<HTMLAttributes<HTMLDivElement>, 'children' | 'role'> {
  /** A metered feature (or a numeric one with `usage`); with react-stigg-codegen's file, only those ids compile. */
  featureId: FeatureIdOfKind<'metered' | 'numeric'>
  /** Draw the inside yourself; the root keeps its meter role, ARIA values and label. */
  children?: (state: UseUsageMeterResult) => ReactNode
}

/**
 * A customer's usage of one metered feature as an accessible meter (`role="meter"`), with the
 * state as `data-state` (`loading | ok | warning | exceeded | unlimited | error`). Unstyled;
 * `react-stigg/styles.css` adds an optional look driven by CSS variables.
 *
 * @example
 * <UsageMeter featureId="feature-api-calls" label="API calls" showReset className="usage" />
 * // → "720 of 1,000 API calls used, resets Dec 1"
 */
export const UsageMeter = forwardRef<HTMLDivElement, UsageMeterProps>(function UsageMeter(props, ref) {
  // The hook reads only its own options from `props`; `rest` is what lands on the root element.
  const {
    featureId,
    label,
    warnAt,
    showReset,
    formatValue,
    requestedUsage,
    usage,
    children,
    'aria-label': ariaLabel,
    'aria-labelledby': ariaLabelledBy,
    ...rest
  } = props
  const meter = useUsageMeter(featureId, props)
  const hasLabel = label !== undefined && label !== null && label !== false
  return (
    <div data-stigg-meter="" {...meter.meterProps} {...rest} ref={ref}>
      {hasLabel && (
        <span data-stigg-meter-label="" {...meter.labelProps}>
          {label}
        </span>
      )}
      {children ? (
        children(meter)
      ) : (
        <>
          <div data-stigg-meter-track="">
            <div
              data-stigg-meter-fill=""
              data-state={meter.state}
              style={meter.percentage === null ? undefined : { width: `${meter.percentage}%` }}
            />
          </div>
          <span data-stigg-meter-text="">{meter.valueText}</span>
        </>
      )}
    </div>
  )
})
// For React DevTools only (the inner function's name already shows there).
if (process.env.NODE_ENV !== 'production') UsageMeter.displayName = 'UsageMeter'
