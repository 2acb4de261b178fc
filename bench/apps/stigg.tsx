// The anchor: the same screen as ours.tsx, built with @stigg/react-sdk.
import { MeteredEntitlementGuard, StiggProvider, useMeteredEntitlement } from '@stigg/react-sdk'
import { createRoot } from 'react-dom/client'

function SsoBadge() {
  const entitlement = useMeteredEntitlement({ featureId: 'feature-sso' })
  return <span>{entitlement.hasAccess ? 'SSO on' : 'SSO off'}</span>
}

function ApiCallsMeter() {
  const entitlement = useMeteredEntitlement({ featureId: 'feature-api-calls' })
  return (
    <meter min={0} max={entitlement.usageLimit ?? 0} value={entitlement.currentUsage}>
      {entitlement.currentUsage} of {entitlement.usageLimit} API calls used
    </meter>
  )
}

function App() {
  return (
    <StiggProvider apiKey="client-api-key" customerId="customer-pro">
      <SsoBadge />
      <MeteredEntitlementGuard featureId="feature-seats" noAccessComponent={<p>Upgrade to add seats</p>}>
        <button type="button">Invite a teammate</button>
      </MeteredEntitlementGuard>
      <ApiCallsMeter />
    </StiggProvider>
  )
}

const root = document.getElementById('root')
if (root) createRoot(root).render(<App />)
