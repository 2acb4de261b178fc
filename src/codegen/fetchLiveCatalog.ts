import { validateCatalog, type Catalog, type CatalogFeature, type CatalogResetPeriod } from '../emulator/Catalog'

/** Options of {@link fetchLiveCatalog}. */
export interface FetchLiveCatalogOptions {
  /** Hosted Stigg's GraphQL endpoint (e.g. `https://api.stigg.io/graphql`, or the emulator's `/hosted/graphql`). */
  url: string
  /** A server key, sent as `X-API-KEY`. */
  apiKey: string
  /** @default globalThis.fetch */
  fetch?: typeof fetch
  /** @default 15000 */
  timeoutMs?: number
}

// Hosted Stigg's paywall lists every visible plan with its package entitlements: the whole catalog in one read.
const paywallDocument =
  'query ReactStiggCodegenCatalog{paywall(input:{}){plans{refId displayName description entitlements{featureId usageLimit hasUnlimitedUsage resetPeriod feature{refId displayName featureType meterType featureUnits featureUnitsPlural}}}}}'

const resetPeriods: Record<string, CatalogResetPeriod> = { HOUR: 'HOURLY', DAY: 'DAILY', WEEK: 'WEEKLY', MONTH: 'MONTHLY', YEAR: 'YEARLY' }

interface HostedEntitlement {
  featureId: string
  usageLimit: number | null
  hasUnlimitedUsage: boolean | null
  resetPeriod: string | null
  feature: { refId: string; displayName: string; featureType: string; meterType: string | null; featureUnits: string | null; featureUnitsPlural: string | null }
}
interface HostedPlan {
  refId: string
  displayName: string
  description: string | null
  entitlements: HostedEntitlement[] | null
}

/**
 * Reads the live catalog from hosted Stigg (or the emulator's hosted schema) with a server key
 * and returns it as an emulator {@link Catalog}, validated. The first plan becomes `defaultPlanId`.
 *
 * @throws Error naming the URL and what failed; the key is never in the message.
 */
export async function fetchLiveCatalog(options: FetchLiveCatalogOptions): Promise<Catalog> {
  const send = options.fetch ?? fetch
  let response: Response
  try {
    response = await send(options.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', 'x-api-key': options.apiKey },
      body: JSON.stringify({ query: paywallDocument }),
      signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
    })
  } catch (error) {
    throw new Error(`--url ${options.url}: request failed (${(error as Error).message})`)
  }
  const body = (await response.json().catch(() => null)) as { data?: { paywall?: { plans?: HostedPlan[] } }; errors?: { message: string }[] } | null
  const plans = body?.data?.paywall?.plans
  if (!response.ok || !plans) {
    const why = body?.errors?.map((error) => error.message).join('; ') ?? 'no paywall plans in the answer'
    throw new Error(`--url ${options.url}: HTTP ${response.status}: ${why}`)
  }
  const features = new Map<string, CatalogFeature>()
  const catalog = {
    features: [] as CatalogFeature[],
    plans: plans.map((plan) => {
      const limits: Record<string, number | boolean | null> = {}
      for (const entitlement of plan.entitlements ?? []) {
        const { feature } = entitlement
        const type = feature.featureType === 'BOOLEAN' ? 'boolean' : feature.meterType && feature.meterType !== 'None' ? 'metered' : 'numeric'
        if (!features.has(feature.refId)) {
          const entry: CatalogFeature = { id: feature.refId, displayName: feature.displayName, type }
          if (feature.featureUnits) entry.units = feature.featureUnits
          if (feature.featureUnitsPlural) entry.unitsPlural = feature.featureUnitsPlural
          const resetPeriod = entitlement.resetPeriod ? resetPeriods[entitlement.resetPeriod] : undefined
          if (type === 'metered' && resetPeriod) entry.resetPeriod = resetPeriod
          features.set(feature.refId, entry)
        }
        limits[feature.refId] = type === 'boolean' ? true : entitlement.hasUnlimitedUsage ? null : (entitlement.usageLimit ?? null)
      }
      return { id: plan.refId, name: plan.displayName, ...(plan.description ? { description: plan.description } : {}), limits }
    }),
    defaultPlanId: plans[0]?.refId ?? '',
  }
  catalog.features = [...features.values()]
  try {
    return validateCatalog(catalog)
  } catch (error) {
    throw new Error(`--url ${options.url}: ${(error as Error).message}`)
  }
}
