import type { DemoCustomer } from '../demoCustomers'

export interface SignInPanelProps {
  customers: readonly DemoCustomer[]
  onSignIn: (customerId: string) => void
}

/** Signed out: pick one of the emulator's seeded customers. */
export function SignInPanel({ customers, onSignIn }: SignInPanelProps) {
  return (
    <section className="demo-card demo-sign-in" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">Sign in to Acme Analytics</h1>
      <p>Each demo account is a customer seeded in the Stigg emulator, on a different plan or status.</p>
      <ul className="demo-customer-list">
        {customers.map((customer) => (
          <li key={customer.id}>
            <button type="button" className="demo-button" onClick={() => onSignIn(customer.id)}>
              Sign in as {customer.name}
            </button>
            <span className="demo-muted">{customer.description}</span>
          </li>
        ))}
      </ul>
    </section>
  )
}
