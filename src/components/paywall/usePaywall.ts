import type { PlanId } from '../../core/Register'
import { useId } from 'react'
import type { PaywallPlan } from '../../core/plans'
import { findPlan } from '../../core/plansQueryOptions'
import { useStiggContext } from '../../react/StiggContext'
import { usePlans, type UsePlansResult } from '../../react/usePlans'

/** Options of {@link usePaywall}. */
export interface UsePaywallOptions {
  /** Called with the chosen plan; `select` calls it. */
  onSelect?: (plan: PaywallPlan) => void
  /** @default true */
  enabled?: boolean
}

/** The whole paywall's state: `loading` until plans and subscription are known, `error` when the plans failed. */
export type PaywallState = 'loading' | 'ready' | 'error'

/** Attributes that make an element one plan's labelled group. */
export interface PaywallPlanProps {
  role: 'group'
  'aria-labelledby': string
  'aria-current'?: 'true'
  'data-state': PaywallPlan['state']
}

/** What {@link usePaywall} returns: {@link usePlans}'s data plus the props for accessible custom markup. */
export interface UsePaywallResult extends UsePlansResult {
  state: PaywallState
  /** Calls `onSelect` with the plan; an unknown id throws a `StiggError` (`PLAN_NOT_FOUND`). */
  select: (plan: PaywallPlan | PlanId) => void
  /** Spread on each plan's container: a group labelled by its name, the current one `aria-current`. */
  getPlanProps: (plan: PaywallPlan) => PaywallPlanProps
  /** Spread on the element holding the plan's name. */
  getPlanLabelProps: (plan: PaywallPlan) => { id: string }
  locale: string | undefined
}

/**
 * A paywall's data and accessibility props for fully custom markup; `<Paywall>` is built on it.
 *
 * @example
 * const { plans, getPlanProps, getPlanLabelProps, select } = usePaywall({ onSelect: startCheckout })
 * return plans.map((plan) => (
 *   <section key={plan.id} {...getPlanProps(plan)}>
 *     <h3 {...getPlanLabelProps(plan)}>{plan.name}</h3>
 *     <button onClick={() => select(plan)} disabled={plan.isCurrent}>Choose</button>
 *   </section>
 * ))
 */
export function usePaywall({ onSelect, enabled }: UsePaywallOptions = {}): UsePaywallResult {
  const { locale } = useStiggContext('usePaywall')
  const plans = usePlans({ enabled })
  const idBase = useId()
  const labelId = (plan: PaywallPlan) => `${idBase}-${plan.order}`
  const state: PaywallState = plans.isLoading ? 'loading' : plans.plans.length === 0 && plans.isError ? 'error' : 'ready'
  return {
    ...plans,
    state,
    select: (plan) => onSelect?.(typeof plan === 'string' ? findPlan(plans.plans, plan) : plan),
    getPlanProps: (plan) => ({
      role: 'group',
      'aria-labelledby': labelId(plan),
      'data-state': plan.state,
      ...(plan.isCurrent && { 'aria-current': 'true' as const }),
    }),
    getPlanLabelProps: (plan) => ({ id: labelId(plan) }),
    locale,
  }
}
