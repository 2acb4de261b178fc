// Our screen: the app DESIGN.md's bundle target describes, imported by its public name.
import { FeatureGate, StiggProvider, UsageMeter, useEntitlement } from 'react-stigg'
import { createRoot } from 'react-dom/client'

function SsoBadge() {
  const { hasAccess } = useEntitlement('feature-sso')
  return <span>{hasAccess ? 'SSO on' : 'SSO off'}</span>
}

function App() {
  return (
    <StiggProvider url="/api/stigg" customerId="customer-pro">
      <SsoBadge />
      <FeatureGate featureId="feature-seats" fallback={<p>Upgrade to add seats</p>}>
        <button type="button">Invite a teammate</button>
      </FeatureGate>
      <UsageMeter featureId="feature-api-calls" label="API calls" />
    </StiggProvider>
  )
}

const root = document.getElementById('root')
if (root) createRoot(root).render(<App />)
