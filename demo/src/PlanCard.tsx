import { useSubscription } from 'react-stigg'
import type { Subscription } from 'react-stigg'

const formatDate = (date: Date) => new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric' }).format(date)

const statusNote = (subscription: Subscription): string => {
  switch (subscription.status) {
    case 'ACTIVE':
      return 'Renews automatically.'
    case 'TRIAL':
      return subscription.trialEndDate ? `Trial ends ${formatDate(subscription.trialEndDate)}.` : 'Trial in progress.'
    case 'CANCELED':
      return subscription.endDate
        ? `Canceled: features stay on until ${formatDate(subscription.endDate)}.`
        : 'Canceled.'
    case 'PAUSED':
      return 'Paused: every paid feature is locked until you resume.'
  }
}

const statusLabel: Record<Subscription['status'], string> = {
  ACTIVE: 'Active',
  TRIAL: 'Trial',
  CANCELED: 'Canceled',
  PAUSED: 'Paused',
}

/** The current plan and subscription status, straight from `useSubscription`. */
export function PlanCard() {
  const { subscription, isLoading, isError } = useSubscription()

  return (
    <section className="demo-card" aria-labelledby="plan-title" aria-busy={isLoading}>
      <h2 id="plan-title">Your plan</h2>
      {isLoading ? (
        <p className="demo-skeleton">Loading your plan…</p>
      ) : isError ? (
        <p role="alert">We couldn’t load your plan. Refresh to try again.</p>
      ) : subscription ? (
        <>
          <p className="demo-plan-name">
            <span>{subscription.plan.name}</span>
            <span className="demo-badge" data-status={subscription.status}>
              {statusLabel[subscription.status]}
            </span>
          </p>
          {subscription.plan.description && <p className="demo-muted">{subscription.plan.description}</p>}
          <p>{statusNote(subscription)}</p>
        </>
      ) : (
        <p>No subscription yet. Pick a plan below to get started.</p>
      )}
    </section>
  )
}
