import type { AddCustomerInput } from '../types'

const day = 86_400_000

/**
 * The demo customers, dates relative to `now`. Plan ids are the default catalog's;
 * `EmulatorStore` maps them onto other catalogs and drops usage of features a catalog lacks.
 */
export function seedCustomers(now: Date): AddCustomerInput[] {
  const at = (days: number) => new Date(now.getTime() + days * day)
  return [
    {
      customerId: 'customer-free',
      name: 'Free Co',
      email: 'owner@free.example',
      planId: 'plan-free',
      status: 'ACTIVE',
      startDate: at(-10),
      usage: { 'feature-api-calls': 120, 'feature-seats': 1 },
    },
    {
      customerId: 'customer-pro',
      name: 'Pro Industries',
      email: 'billing@pro.example',
      planId: 'plan-pro',
      status: 'ACTIVE',
      startDate: at(-20),
      usage: { 'feature-api-calls': 9300, 'feature-seats': 12 },
    },
    {
      customerId: 'customer-trial',
      name: 'Trial Labs',
      email: 'hello@trial.example',
      planId: 'plan-pro',
      status: 'TRIAL',
      startDate: at(-1),
      trialEndDate: at(14),
      usage: { 'feature-api-calls': 450, 'feature-seats': 4 },
    },
    {
      customerId: 'customer-canceled',
      name: 'Canceled LLC',
      email: 'ops@canceled.example',
      planId: 'plan-pro',
      status: 'CANCELED',
      startDate: at(-20),
      endDate: at(10),
      usage: { 'feature-api-calls': 3100, 'feature-seats': 6 },
    },
    {
      customerId: 'customer-paused',
      name: 'Paused GmbH',
      email: 'admin@paused.example',
      planId: 'plan-pro',
      status: 'PAUSED',
      startDate: at(-40),
      usage: { 'feature-api-calls': 800, 'feature-seats': 5 },
    },
    {
      customerId: 'customer-enterprise',
      name: 'Enterprise Corp',
      email: 'it@enterprise.example',
      planId: 'plan-enterprise',
      status: 'ACTIVE',
      startDate: at(-100),
      usage: { 'feature-api-calls': 250000, 'feature-seats': 180 },
    },
  ]
}
