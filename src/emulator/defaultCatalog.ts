import type { Catalog } from './Catalog'

/**
 * The catalog the emulator ships with: three plans over API calls (monthly), seats
 * (never reset), single sign-on, advanced analytics and a numeric "projects" allowance.
 */
export const defaultCatalog: Catalog = {
  features: [
    {
      id: 'feature-api-calls',
      displayName: 'API calls',
      type: 'metered',
      units: 'API call',
      unitsPlural: 'API calls',
      resetPeriod: 'MONTHLY',
    },
    { id: 'feature-seats', displayName: 'Seats', type: 'metered', units: 'seat', unitsPlural: 'seats' },
    { id: 'feature-sso', displayName: 'Single sign-on', type: 'boolean' },
    { id: 'feature-projects', displayName: 'Projects', type: 'numeric', units: 'project', unitsPlural: 'projects' },
    { id: 'feature-analytics', displayName: 'Advanced analytics', type: 'boolean' },
  ],
  plans: [
    {
      id: 'plan-free',
      name: 'Free',
      description: 'For trying things out',
      limits: { 'feature-api-calls': 1000, 'feature-seats': 3, 'feature-projects': 5 },
    },
    {
      id: 'plan-pro',
      name: 'Pro',
      description: 'For growing teams',
      limits: { 'feature-api-calls': 10000, 'feature-seats': 20, 'feature-analytics': true, 'feature-projects': 20 },
    },
    {
      id: 'plan-enterprise',
      name: 'Enterprise',
      description: 'Unlimited usage, single sign-on and support',
      limits: { 'feature-api-calls': null, 'feature-seats': null, 'feature-analytics': true, 'feature-sso': true, 'feature-projects': null },
    },
  ],
  defaultPlanId: 'plan-free',
}
