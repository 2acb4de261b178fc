import { StiggProvider } from 'react-stigg'
import { StiggDevtools } from 'react-stigg/devtools'
import { Dashboard } from './Dashboard'
import { SessionSwitcher } from './SessionSwitcher'
import { SignInPanel } from './SignInPanel'
import { useDemoSession } from './useDemoSession'

/** The demo SaaS: who is signed in comes from the server; Stigg data comes through `/api/stigg`. */
export function App() {
  const { state, signIn, signOut } = useDemoSession()
  const customerId = state.status === 'ready' ? state.customerId : null

  return (
    <StiggProvider url="/api/stigg" customerId={customerId}>
      <header className="demo-header">
        <p className="demo-brand">
          <span aria-hidden="true" className="demo-logo" />
          Acme Analytics
        </p>
        {state.status === 'ready' && customerId !== null && (
          <SessionSwitcher
            customers={state.customers}
            customerId={customerId}
            onSignIn={signIn}
            onSignOut={signOut}
          />
        )}
      </header>
      <main className="demo-main">
        {state.status === 'loading' && <p role="status">Loading your session…</p>}
        {state.status === 'error' && (
          <p role="alert" className="demo-error">
            Could not reach the demo session endpoint: {state.message}
          </p>
        )}
        {state.status === 'ready' &&
          (customerId === null ? (
            <SignInPanel customers={state.customers} onSignIn={signIn} />
          ) : (
            <Dashboard key={customerId} />
          ))}
      </main>
      <footer className="demo-footer">
        <p>
          Entitlements from an in-process Stigg emulator, through the <code>react-stigg</code> proxy at{' '}
          <code>/api/stigg</code>. The API key never leaves the dev server.
        </p>
      </footer>
      {/* Development only: production builds get an empty component. */}
      <StiggDevtools />
    </StiggProvider>
  )
}
