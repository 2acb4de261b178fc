import type { ReactElement, ReactNode } from 'react'
import { chooseGateSlot } from './chooseGateSlot'
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
 * It gates on entitlements only, as Stigg does; to gate on the plan itself, use `<PlanGate>`.
 *
 * @example
 * <FeatureGate featureId="feature-sso" fallback={<UpgradePrompt />} loading={<Skeleton />}>
 *   <SsoSettings />
 * </FeatureGate>
 *
 * @example
 * <FeatureGate features={['feature-export', 'feature-analytics']} match="any">
 *   {({ remaining }) => <ExportButton remaining={remaining} />}
 * </FeatureGate>
 */
export function FeatureGate(props: FeatureGateProps): ReactElement {
  const { children = null, fallback = null, loading = null, error, ...options } = props
  return <>{chooseGateSlot(useFeatureGate(options), { children, fallback, loading, error })}</>
}
