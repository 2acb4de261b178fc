// Our screen, talking through the app's own graphql-request GraphQLClient (StiggProvider `client`):
// the bench's "what graphql-request costs" row. Same components as ours.tsx.
import { GraphQLClient } from 'graphql-request'
import { FeatureGate, StiggProvider, UsageMeter, useEntitlement } from 'react-stigg'
import { createRoot } from 'react-dom/client'

const client = new GraphQLClient(new URL('/api/stigg', location.href).href)

function SsoBadge() {
  const { hasAccess } = useEntitlement('feature-sso')
  return <span>{hasAccess ? 'SSO on' : 'SSO off'}</span>
}

function App() {
  return (
    <StiggProvider client={client} customerId="customer-pro">
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
