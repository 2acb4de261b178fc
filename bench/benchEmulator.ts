// The in-process emulator the DOM sections run against, with a fetch that counts what the page sends.
import type { Catalog, Emulator } from 'react-stigg/emulator'
import { benchApiKey } from './fixtures'

/** The four default features plus six more, so a page can gate on ten distinct features. */
export const benchFeatures = [
  'feature-api-calls',
  'feature-seats',
  'feature-sso',
  'feature-analytics',
  'feature-bench-1',
  'feature-bench-2',
  'feature-bench-3',
  'feature-bench-4',
  'feature-bench-5',
  'feature-bench-6',
] as const

/** The default catalog with the six extra features granted by every plan (half boolean, half metered). */
export function benchCatalog(defaultCatalog: Catalog): Catalog {
  const extra = benchFeatures.slice(4).map((id, i) =>
    i % 2 === 0
      ? { id, displayName: `Bench feature ${i + 1}`, type: 'boolean' as const }
      : { id, displayName: `Bench meter ${i + 1}`, type: 'metered' as const, units: 'unit', unitsPlural: 'units', resetPeriod: 'MONTHLY' as const },
  )
  const limits = Object.fromEntries(extra.map((feature) => [feature.id, feature.type === 'boolean' ? true : 1000]))
  return {
    ...defaultCatalog,
    features: [...defaultCatalog.features, ...extra],
    plans: defaultCatalog.plans.map((plan) => ({ ...plan, limits: { ...plan.limits, ...limits } })),
  }
}

export interface RequestCounts {
  entitlement: number
  subscription: number
  other: number
  /** Feature checks carried by the entitlement requests (aliases), to show batching at work. */
  entitlementFields: number
}

export interface CountingFetch {
  fetch: typeof fetch
  counts: RequestCounts
  /** Requests sent and not yet answered. */
  inFlight(): number
  reset(): void
}

/** A fetch for the provider that counts each request by operation, then hands it to the emulator with the key. */
export function countingFetch(emulator: Emulator): CountingFetch {
  const counts: RequestCounts = { entitlement: 0, subscription: 0, other: 0, entitlementFields: 0 }
  let inFlight = 0
  const fetchImpl: typeof fetch = async (input, init) => {
    const request = new Request(input, init)
    const { query } = (await request.clone().json()) as { query?: string }
    if (query?.includes('customerEntitlement') === true) {
      counts.entitlement++
      counts.entitlementFields += query.match(/customerEntitlement\(/g)?.length ?? 0
    } else if (query?.includes('customerSubscriptions') === true) counts.subscription++
    else counts.other++
    const headers = new Headers(request.headers)
    headers.set('x-api-key', benchApiKey)
    inFlight++
    try {
      return await emulator.fetch(new Request(request, { headers }))
    } finally {
      inFlight--
    }
  }
  return {
    fetch: fetchImpl,
    counts,
    inFlight: () => inFlight,
    reset() {
      counts.entitlement = 0
      counts.subscription = 0
      counts.other = 0
      counts.entitlementFields = 0
    },
  }
}
