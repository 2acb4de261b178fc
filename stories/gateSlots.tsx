import type { FeatureGateState } from 'react-stigg'

const count = new Intl.NumberFormat('en-US')

function CallTheApi({ remaining }: FeatureGateState) {
  return (
    <div>
      <button type="button">Call the API</button>
      <p>{remaining === null ? 'Unlimited API calls' : `${count.format(remaining)} API calls left this period`}</p>
    </div>
  )
}

/** What a closed API gate says, by Stigg's reason (null: signed out). */
export const deniedText = (reason: FeatureGateState['reason']): string => {
  switch (reason) {
    case 'RequestedUsageExceedingLimit':
      return 'You’ve used every API call this period. Upgrade for more.'
    case 'NoActiveSubscription':
      return 'Your subscription is not active, so API access is off.'
    case 'NoFeatureEntitlementInSubscription':
      return 'API access is not in your plan. Upgrade to Pro.'
    case null:
      return 'Sign in to use the API.'
    default:
      return `API access is denied (${reason}).`
  }
}

function CannotCheck({ refetch }: FeatureGateState) {
  return (
    <div role="alert">
      We couldn’t check your access.{' '}
      <button type="button" onClick={refetch}>
        Try again
      </button>
    </div>
  )
}

/** What the stories' gate shows in each slot: an API console, or why it is closed. */
export const gateSlots = {
  children: (state: FeatureGateState) => <CallTheApi {...state} />,
  fallback: ({ reason }: FeatureGateState) => <p>{deniedText(reason)}</p>,
  loading: <p>Checking access…</p>,
  error: (state: FeatureGateState) => <CannotCheck {...state} />,
}
