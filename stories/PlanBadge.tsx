import type { CSSProperties } from 'react'
import { useEntitlement, useStigg, useSubscription, type Entitlement, type Subscription } from 'react-stigg'

/** Props of {@link PlanBadge}. */
export interface PlanBadgeProps {
  /**
   * The metered feature whose quota the badge warns about.
   * @default 'feature-api-calls'
   */
  featureId?: string
  /**
   * Share of the limit from which the badge says the quota is running low.
   * @default 0.8
   */
  warnAt?: number
}

const statusColours: Record<Subscription['status'], CSSProperties> = {
  ACTIVE: { background: '#dcfce7', color: '#14532d' },
  TRIAL: { background: '#e0f2fe', color: '#0c4a6e' },
  CANCELED: { background: '#fee2e2', color: '#7f1d1d' },
  PAUSED: { background: '#fef3c7', color: '#713f12' },
}

function statusText(subscription: Subscription, locale: string | undefined): string {
  const date = (value: Date) => new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric' }).format(value)
  switch (subscription.status) {
    case 'ACTIVE':
      return 'Active'
    case 'TRIAL':
      return subscription.trialEndDate ? `Trial, ends ${date(subscription.trialEndDate)}` : 'Trial'
    case 'CANCELED':
      return subscription.endDate ? `Canceled, ends ${date(subscription.endDate)}` : 'Canceled'
    case 'PAUSED':
      return 'Paused'
  }
}

function quotaHint(entitlement: Entitlement | null, warnAt: number, locale: string | undefined): string | null {
  if (!entitlement || entitlement.isFallback) return null
  const units = entitlement.feature?.unitsPlural ?? entitlement.featureId
  if (!entitlement.isGranted) return `${units} not included`
  if (entitlement.isUnlimited) return `Unlimited ${units}`
  const { usageLimit, currentUsage } = entitlement
  if (usageLimit === null) return null
  const left = Math.max(0, usageLimit - currentUsage)
  if (left === 0) return `Out of ${units}`
  return currentUsage >= usageLimit * warnAt ? `${new Intl.NumberFormat(locale).format(left)} ${units} left` : null
}

/**
 * The customer's plan and subscription status from `useSubscription`, plus a word when a
 * quota runs low. A story-only component: how an app might build its own plan display.
 */
export function PlanBadge({ featureId = 'feature-api-calls', warnAt = 0.8 }: PlanBadgeProps) {
  const { customerId, locale } = useStigg()
  const { subscription, isLoading, isError } = useSubscription()
  // requestedUsage 0: the badge asks what the plan holds, not whether one more use fits.
  const { entitlement } = useEntitlement(featureId, { requestedUsage: 0 })

  if (customerId === null) return <p className="plan-badge">Signed out</p>
  if (isLoading) return <p className="plan-badge" aria-busy="true">Loading plan…</p>
  if (isError) return <p className="plan-badge">Plan unavailable</p>
  if (!subscription) return <p className="plan-badge">No plan</p>

  // A paused plan grants nothing; "not included" would misstate what the plan holds.
  const hint = subscription.status === 'PAUSED' ? null : quotaHint(entitlement, warnAt, locale)
  return (
    <p className="plan-badge">
      <strong>{subscription.plan.name}</strong>{' '}
      <span className="plan-badge-status" data-status={subscription.status} style={statusColours[subscription.status]}>
        {statusText(subscription, locale)}
      </span>
      {hint && <span className="plan-badge-hint"> · {hint}</span>}
    </p>
  )
}
