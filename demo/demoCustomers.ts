/** One customer the demo's sign-in switcher offers; each is seeded in the default emulator catalog. */
export interface DemoCustomer {
  id: string
  name: string
  /** What signing in as this customer shows off. */
  description: string
}

/** The only ids `POST /demo/sign-in` accepts: the emulator's seeded customers. */
export const demoCustomers: readonly DemoCustomer[] = [
  { id: 'customer-free', name: 'Free Co', description: 'Free plan: most features locked' },
  { id: 'customer-pro', name: 'Pro Industries', description: 'Pro plan, 9,300 of 10,000 API calls used' },
  { id: 'customer-trial', name: 'Trial Labs', description: 'Pro plan on a 14-day trial' },
  { id: 'customer-canceled', name: 'Canceled LLC', description: 'Pro plan, canceled: access until the period ends' },
  { id: 'customer-paused', name: 'Paused GmbH', description: 'Paused subscription: nothing granted' },
  { id: 'customer-enterprise', name: 'Enterprise Corp', description: 'Enterprise plan: unlimited usage and single sign-on' },
]
