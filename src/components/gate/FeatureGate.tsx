import type { ReactElement, ReactNode } from 'react'
import { useFeatureGate, type FeatureGateState, type UseFeatureGateOptions } from './useFeatureGate'

/** A slot: content, or a function of the gate's state that returns it. */
export type FeatureGateSlot = ReactNode | ((state: FeatureGateState) => ReactNode)

/** Props of {@link FeatureGate}: what to check ({@link UseFeatureGateOptions}) and what to show. */
export type FeatureGateProps = UseFeatureGateOptions & {
  /** Shown when access is granted. A function receives the state (e.g. `remaining`). */
  children?: FeatureGateSlot
  /**
   * Shown when access is denied; a function receives the state (e.g. `reason`).
   * @default null
   */
  fallback?: FeatureGateSlot
  /**
   * Shown while the answer is unknown.
   * @default null
   */
  loading?: ReactNode
  /**
   * Shown when Stigg cannot be asked. A fallback entitlement that grants access opens the gate
   * instead (children, `isFallback: true`).
   * @default the `fallback` slot: an unreachable Stigg keeps the gate closed
   */
  error?: FeatureGateSlot
}

/**
 * Shows its children only to customers with access, and nothing around them: the gate adds no
 * DOM, it returns exactly its children, `fallback`, `loading` or `error` content.
 *
 * @example
 * <FeatureGate featureId="feature-sso" fallback={<UpgradePrompt />} loading={<Skeleton />}>
 *   <SsoSettings />
 * </FeatureGate>
 *
 * @example
 * <FeatureGate features={['feature-export', 'feature-analytics']} match="any" plan={['plan-pro', 'plan-enterprise']}>
 *   {({ remaining }) => <ExportButton remaining={remaining} />}
 * </FeatureGate>
 */
export function FeatureGate(props: FeatureGateProps): ReactElement {
  const { children = null, fallback = null, loading = null, error, ...options } = props
  const state = useFeatureGate(options)
  const { status } = state
  const slot =
    status === 'granted' ? children : status === 'loading' ? loading : status === 'error' && error !== undefined ? error : fallback
  return <>{typeof slot === 'function' ? slot(state) : slot}</>
}
