import type { DemoCustomer } from '../demoCustomers'

export interface SessionSwitcherProps {
  customers: readonly DemoCustomer[]
  customerId: string
  onSignIn: (customerId: string) => void
  onSignOut: () => void
}

/** Switch demo accounts the way a real app switches organisations: the server sets the session. */
export function SessionSwitcher({ customers, customerId, onSignIn, onSignOut }: SessionSwitcherProps) {
  return (
    <div className="demo-session">
      <label htmlFor="demo-customer">Signed in as</label>
      <select id="demo-customer" value={customerId} onChange={(event) => onSignIn(event.target.value)}>
        {customers.map((customer) => (
          <option key={customer.id} value={customer.id}>
            {customer.name}
          </option>
        ))}
      </select>
      <button type="button" className="demo-button demo-button-quiet" onClick={onSignOut}>
        Sign out
      </button>
    </div>
  )
}
