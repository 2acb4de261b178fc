const plans = [
  { name: 'Free', price: '$0', features: ['1,000 API calls a month', '3 seats'] },
  { name: 'Pro', price: '$49', features: ['10,000 API calls a month', '20 seats', 'Advanced analytics'] },
  {
    name: 'Enterprise',
    price: 'Talk to us',
    features: ['Unlimited API calls', 'Unlimited seats', 'Advanced analytics', 'Single sign-on'],
  },
] as const

/** Where the upgrade prompts point: the emulator's default catalog, as a pricing table. */
export function PlansOverview() {
  return (
    <section id="plans" className="demo-plans" aria-labelledby="plans-title">
      <h2 id="plans-title">Plans</h2>
      <ul className="demo-grid">
        {plans.map((plan) => (
          <li key={plan.name} className="demo-card">
            <h3>{plan.name}</h3>
            <p className="demo-price">{plan.price}</p>
            <ul className="demo-plan-features">
              {plan.features.map((feature) => (
                <li key={feature}>{feature}</li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  )
}
