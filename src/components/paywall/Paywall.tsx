import { forwardRef, type HTMLAttributes, type ReactNode } from 'react'
import type { PaywallPlan } from '../../core/plans'
import { planFeatureText, planPriceText } from './planText'
import { usePaywall, type UsePaywallOptions, type UsePaywallResult } from './usePaywall'

/** Props of {@link Paywall}; any other `div` prop (className, style, data-*, aria-*) lands on the root. */
export interface PaywallProps extends UsePaywallOptions, Omit<HTMLAttributes<HTMLDivElement>, 'children' | 'onSelect'> {
  /** Draw everything inside the root yourself (see `usePaywall` for the props to spread). */
  children?: (paywall: UsePaywallResult) => ReactNode
  /** Draw one plan's content; it stays inside its labelled group, so give the name `paywall.getPlanLabelProps(plan)`. */
  renderPlan?: (plan: PaywallPlan, paywall: UsePaywallResult) => ReactNode
  /**
   * The list's accessible name.
   * @default 'Plans'
   */
  listLabel?: string
  /**
   * Heading level of each plan's name.
   * @default 3
   */
  headingLevel?: 2 | 3 | 4 | 5 | 6
  /** The select button's text. @default "Upgrade to Pro" / "Switch to Free"; no button without `onSelect` */
  selectLabel?: (plan: PaywallPlan) => ReactNode
  /** @default 'Loading plans…' */
  loading?: ReactNode
  /** @default 'Plans could not be loaded.' */
  error?: ReactNode
}

function DefaultPlan({ plan, paywall, headingLevel, selectLabel, canSelect }: {
  plan: PaywallPlan
  paywall: UsePaywallResult
  headingLevel: NonNullable<PaywallProps['headingLevel']>
  selectLabel: PaywallProps['selectLabel']
  canSelect: boolean
}) {
  const Heading = `h${headingLevel}` as const
  return (
    <>
      <Heading data-stigg-paywall-name="" {...paywall.getPlanLabelProps(plan)}>
        {plan.name}
      </Heading>
      {plan.isCurrent && <p data-stigg-paywall-current="">Current plan</p>}
      {plan.price && <p data-stigg-paywall-price="">{planPriceText(plan.price, paywall.locale)}</p>}
      {plan.description && <p data-stigg-paywall-description="">{plan.description}</p>}
      <ul data-stigg-paywall-features="">
        {plan.features.map((feature) => (
          <li key={feature.featureId} data-added={paywall.currentPlan && plan.adds.includes(feature) ? '' : undefined}>
            {planFeatureText(feature, paywall.locale)}
          </li>
        ))}
      </ul>
      {canSelect && !plan.isCurrent && (
        <button type="button" data-stigg-paywall-select="" onClick={() => paywall.select(plan)}>
          {selectLabel ? selectLabel(plan) : `${plan.state === 'upgrade' ? 'Upgrade' : 'Switch'} to ${plan.name}`}
        </button>
      )}
    </>
  )
}

/**
 * The catalog's plans as an accessible list: each plan a group labelled by its name, with
 * `data-state="current | upgrade | downgrade"`, the current one `aria-current` and marked
 * "Current plan"; the root's `data-state` is `loading | ready | error`. Unstyled;
 * `react-stigg/styles.css` adds an optional look. Every part can be replaced: `renderPlan`
 * for a plan's content, `children` for all of it, `usePaywall` for markup of your own.
 *
 * @example
 * <Paywall onSelect={(plan) => startCheckout(plan.id)} />
 *
 * @example
 * <Paywall renderPlan={(plan, { getPlanLabelProps }) => <h3 {...getPlanLabelProps(plan)}>{plan.name}</h3>} />
 */
export const Paywall = forwardRef<HTMLDivElement, PaywallProps>(function Paywall(props, ref) {
  const { onSelect, enabled, children, renderPlan, listLabel = 'Plans', headingLevel = 3, selectLabel, loading, error, ...rest } = props
  const paywall = usePaywall({ onSelect, enabled })
  const { state, plans } = paywall
  let content: ReactNode
  if (children) content = children(paywall)
  else if (state === 'loading') content = <p role="status">{loading ?? 'Loading plans…'}</p>
  else if (state === 'error') content = <p role="alert">{error ?? 'Plans could not be loaded.'}</p>
  else {
    content = (
      <ul data-stigg-paywall-plans="" aria-label={listLabel}>
        {plans.map((plan) => (
          <li key={plan.id}>
            <div data-stigg-paywall-plan="" {...paywall.getPlanProps(plan)}>
              {renderPlan ? (
                renderPlan(plan, paywall)
              ) : (
                <DefaultPlan plan={plan} paywall={paywall} headingLevel={headingLevel} selectLabel={selectLabel} canSelect={onSelect !== undefined} />
              )}
            </div>
          </li>
        ))}
      </ul>
    )
  }
  return (
    <div data-stigg-paywall="" data-state={state} aria-busy={state === 'loading' || undefined} {...rest} ref={ref}>
      {content}
    </div>
  )
})
// For React DevTools only (the inner function's name already shows there).
if (process.env.NODE_ENV !== 'production') Paywall.displayName = 'Paywall'
