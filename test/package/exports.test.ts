import { describe, expect, it } from 'vitest'

// Every runtime export of every entry, by name. An export is a semver promise: adding or
// removing one must change this list, so it is a decision someone sees in review.
// (Types are erased at run time; `export type` lines in each entry file name those.)
const entries: Record<string, { load: () => Promise<object>; exports: string[] }> = {
  'react-stigg': {
    load: () => import('react-stigg'),
    exports: [
      'FeatureGate',
      'PLAN_MISMATCH',
      'Paywall',
      'PlanGate',
      'StiggError',
      'StiggProvider',
      'UsageMeter',
      'createEntitlementBatcher',
      'createStiggClient',
      'decideAccess',
      'describePlans',
      'entitlementQueryOptions',
      'fetchPlans',
      'findPlan',
      'pickCurrentSubscription',
      'plansQueryKey',
      'plansQueryOptions',
      'prefetchEntitlements',
      'reportUsage',
      'reportUsageMutationOptions',
      'stiggKeys',
      'subscriptionQueryOptions',
      'useAwaitEntitlement',
      'useEntitlement',
      'useEntitlements',
      'useFeatureGate',
      'usePaywall',
      'usePlanGate',
      'usePlans',
      'useProvisionCustomer',
      'useReportUsage',
      'useStigg',
      'useSubscription',
      'useUsageMeter',
      'waitForEntitlement',
    ],
  },
  'react-stigg/server': {
    load: () => import('react-stigg/server'),
    exports: ['createMemoryStore', 'createRedisStore', 'createStiggProxy', 'createStiggServer', 'toNodeHandler'],
  },
  'react-stigg/vite': {
    load: () => import('react-stigg/vite'),
    exports: ['DEMO_CUSTOMER_COOKIE', 'stiggDevPlugin'],
  },
  'react-stigg/emulator': {
    load: () => import('react-stigg/emulator'),
    exports: [
      'EmulatorCatalogError',
      'EmulatorDataFileError',
      'createEmulator',
      'createFileStorage',
      'defaultCatalog',
      'startEmulator',
      'validateCatalog',
    ],
  },
  'react-stigg/testing': {
    load: () => import('react-stigg/testing'),
    exports: ['StiggTestProvider', 'catalogFromEntitlements', 'createTestStigg'],
  },
  'react-stigg/devtools': {
    load: () => import('react-stigg/devtools'),
    exports: ['StiggDevtools'],
  },
}

describe('entry exports', () => {
  it.each(Object.entries(entries))('%s exports exactly its list', async (_, { load, exports }) => {
    const mod = await load()
    expect(Object.keys(mod).sort()).toEqual(exports)
    // The literal is kept sorted, so a new name has one obvious place.
    expect([...exports].sort()).toEqual(exports)
  })
})
