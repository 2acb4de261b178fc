// Our screen plus the upgrade path: the bench's marginal cost of Paywall + usePlans + useAwaitEntitlement.
import { FeatureGate, Paywall, StiggProvider, UsageMeter, useAwaitEntitlement, useEntitlement, usePlans } from 'react-stigg'
import { useState } from 'react'
import { createRoot } from 'react-dom/client'

function SsoBadge() {
  const { hasAccess } = useEntitlement('feature-sso')
  return <span>{hasAccess ? 'SSO on' : 'SSO off'}</span>
}

function Upgrade() {
  const { currentPlan } = usePlans()
  const [waiting, setWaiting] = useState(false)
  const wait = useAwaitEntitlement('feature-analytics', { enabled: waiting })
  return (
    <>
      <p>{currentPlan?.name}: {wait.status}</p>
      <Paywall onSelect={() => setWaiting(true)} />
    </>
  )
}

function App() {
  return (
    <StiggProvider url="/api/stigg" customerId="customer-pro">
      <SsoBadge />
      <FeatureGate featureId="feature-seats" fallback={<p>Upgrade to add seats</p>}>
        <button type="button">Invite a teammate</button>
      </FeatureGate>
      <UsageMeter featureId="feature-api-calls" label="API calls" />
      <Upgrade />
    </StiggProvider>
  )
}

const root = document.getElementById('root')
if (root) createRoot(root).render(<App />)
