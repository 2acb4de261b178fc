import type { ReactElement, ReactNode } from 'react'
import { chooseGateSlot } from './chooseGateSlot'
import { usePlanGate, type UsePlanGateOptions, type UsePlanGateResult } from './usePlanGate'

/** A slot: content, or a function of the plan gate's state that returns it. */
type PlanGateSlot = ReactNode | ((state: UsePlanGateResult) => ReactNode)

/** Props of {@link PlanGate}: which plans pass ({@link UsePlanGateOptions}) and what to show. */
export type PlanGateProps = UsePlanGateOptions & {
  /** Shown when the customer's current plan is one of `plan`. A function receives the state. */
  children?: PlanGateSlot
  /**
   * Shown when it is not; a function receives the state (e.g. `reason`, the current `plan`).
   * @default null
   */
  fallback?: PlanGateSlot
  /**
   * Shown while the subscription is unknown.
   * @default null
   */
  loading?: ReactNode
  /**
   * Shown when Stigg cannot be asked.
   * @default the `fallback` slot: an unreachable Stigg keeps the gate closed
   */
  error?: PlanGateSlot
}

/**
 * Shows its children only to customers whose current subscription is on one of `plan`, and
 * nothing around them (no wrapper DOM). Prefer `<FeatureGate>`: Stigg gates on entitlements, so
 * moving a feature between plans needs no code change. Use this for what really is about the
 * plan (an "Enterprise support" link); it reads the subscription, which feature gates never do.
 *
 * @example
 * <PlanGate plan={['plan-pro', 'plan-enterprise']} fallback={({ plan }) => <Upgrade from={plan?.name} />}>
 *   <PrioritySupportLink />
 * </PlanGate>
 *
 * @example
 * // Both: on the plan, and the feature has room left.
 * <PlanGate plan="plan-enterprise">
 *   <FeatureGate featureId="feature-seats"><InviteButton /></FeatureGate>
 * </PlanGate>
 */
export function PlanGate(props: PlanGateProps): ReactElement {
  const { children = null, fallback = null, loading = null, error, ...options } = props
  return <>{chooseGateSlot(usePlanGate(options), { children, fallback, loading, error })}</>
}
