import type { ReactNode } from 'react'
import type { FeatureGateStatus } from './decideGate'

/** What a gate may show; each slot is content, or a function of the gate's state. */
export interface GateSlots<State> {
  children: ReactNode | ((state: State) => ReactNode)
  fallback: ReactNode | ((state: State) => ReactNode)
  loading: ReactNode
  /** Undefined: an error shows `fallback`, so an unreachable Stigg keeps the gate closed. */
  error: ReactNode | ((state: State) => ReactNode) | undefined
}

/**
 * The content a gate renders for its state: one rule for `<FeatureGate>` and `<PlanGate>`.
 *
 * @example
 * return <>{chooseGateSlot(state, { children, fallback, loading, error })}</>
 */
export function chooseGateSlot<State extends { status: FeatureGateStatus }>(state: State, slots: GateSlots<State>): ReactNode {
  const { status } = state
  const slot =
    status === 'granted'
      ? slots.children
      : status === 'loading'
        ? slots.loading
        : status === 'error' && slots.error !== undefined
          ? slots.error
          : slots.fallback
  return typeof slot === 'function' ? slot(state) : slot
}
