import { useState } from 'react'
import { Paywall, useAwaitEntitlement, useStigg, type FeatureId, type PaywallPlan } from 'react-stigg'
import type { DemoUpgrade } from '../demoUpgradePlugin'

interface Pending {
  plan: PaywallPlan
  /** The feature whose arrival proves the new plan is active. */
  featureId: FeatureId
  timeoutMs: number
}

// A feature the plan newly grants (not just a higher limit, which the old plan may already satisfy).
const proofOf = (plan: PaywallPlan): FeatureId | undefined =>
  (plan.adds.find((feature) => feature.feature.featureType === 'BOOLEAN') ?? plan.adds[0])?.featureId

/**
 * The plans from `usePlans()` through `<Paywall>`. Choosing one calls the demo's checkout
 * (`POST /demo/upgrade`), whose "webhook" changes the plan a moment later; the page waits for
 * the plan's new feature with `useAwaitEntitlement`, and every gate and meter follows.
 */
export function PlansOverview() {
  const { invalidate } = useStigg()
  const [pending, setPending] = useState<Pending | null>(null)
  const [checkoutError, setCheckoutError] = useState<string | null>(null)
  const wait = useAwaitEntitlement(pending?.featureId ?? null, { enabled: pending !== null, timeoutMs: pending?.timeoutMs })
  const busy = pending !== null && wait.status === 'waiting'

  const choose = async (plan: PaywallPlan) => {
    if (busy) return
    setCheckoutError(null)
    setPending(null)
    const response = await fetch('/demo/upgrade', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ planId: plan.id }),
    })
    const body = (await response.json()) as DemoUpgrade & { error?: string }
    if (!response.ok) {
      setCheckoutError(body.error ?? `Checkout answered ${response.status}`)
      return
    }
    const featureId = proofOf(plan)
    if (featureId !== undefined) setPending({ plan, featureId, timeoutMs: body.awaitTimeoutMs })
    // A downgrade grants nothing new to wait for: refetch once the "webhook" has run.
    else setTimeout(() => void invalidate(), body.activatesInMs + 250)
  }

  return (
    <section id="plans" className="demo-plans" aria-labelledby="plans-title">
      <h2 id="plans-title">Plans</h2>
      <div role="status" className="demo-activation">
        {pending && wait.status === 'waiting' && <p>Activating {pending.plan.name}…</p>}
        {pending && wait.status === 'granted' && <p>{pending.plan.name} is active. Enjoy!</p>}
      </div>
      {pending && wait.status === 'error' && (
        <div role="alert" className="demo-error">
          <p>
            {pending.plan.name} is not active yet{wait.error?.code === 'TIMEOUT' ? ': payment confirmation is taking longer than usual.' : `: ${wait.error?.message ?? ''}`}
          </p>
          <button type="button" className="demo-button demo-button-secondary" onClick={wait.restart}>
            Keep waiting
          </button>
        </div>
      )}
      {checkoutError && (
        <p role="alert" className="demo-error">
          Checkout failed: {checkoutError}
        </p>
      )}
      <Paywall className="demo-paywall" onSelect={(plan) => void choose(plan)} />
    </section>
  )
}
