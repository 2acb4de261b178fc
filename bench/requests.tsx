import type { ReactNode } from 'react'
import { benchCatalog, benchFeatures, countingFetch } from './benchEmulator'
import { benchApiKey, benchCustomer } from './fixtures'
import { installDom, quiet, waitUntil } from './dom'

export interface RequestFigures {
  gates: number
  features: number
  meters: number
  /** Entitlement requests from mounting the page. */
  mount: number
  /** Subscription requests from mounting the page, counted apart. */
  mountSubscription: number
  /** Any other operation sent at mount (none is expected). */
  mountOther: number
  /** Feature checks the mount's entitlement requests carried. */
  mountFeatureChecks: number
  /** Every request (any operation) from unmounting the page and mounting it again within staleTime. */
  remount: number
}

/**
 * Section 2: a page of 20 FeatureGates over 10 features and 3 UsageMeters, under one provider,
 * against the in-process emulator; counts what reaches the network at mount and at remount.
 */
export async function measureRequests(): Promise<RequestFigures> {
  installDom()
  const { createRoot } = await import('react-dom/client')
  const { StiggProvider, FeatureGate, UsageMeter } = await import('react-stigg')
  const { createEmulator, defaultCatalog } = await import('react-stigg/emulator')

  const emulator = createEmulator({ apiKey: benchApiKey, catalog: benchCatalog(defaultCatalog) })
  await emulator.ready
  const counter = countingFetch(emulator)
  const gateIds = Array.from({ length: 20 }, (_, i) => i)
  const meterFeatures = ['feature-api-calls', 'feature-seats', 'feature-bench-2']

  const page = (
    <main>
      {gateIds.map((i) => (
        <FeatureGate key={i} featureId={benchFeatures[i % benchFeatures.length]!} fallback={<span data-gate="denied" />} error={<span data-gate="error" />}>
          <span data-gate="granted" />
        </FeatureGate>
      ))}
      {meterFeatures.map((featureId) => (
        <UsageMeter key={featureId} featureId={featureId} label={featureId} />
      ))}
    </main>
  )
  // One element for every render: the provider must see the same props and keep its cache.
  const provider = (children: ReactNode) => (
    <StiggProvider url="http://127.0.0.1/graphql" customerId={benchCustomer} fetch={counter.fetch} staleTime={60_000}>
      {children}
    </StiggProvider>
  )

  const container = document.createElement('div')
  document.body.append(container)
  const root = createRoot(container)
  const settled = () => {
    if (container.querySelector('[data-gate="error"], [role="meter"][data-state="error"]') !== null) {
      throw new Error('bench requests: a gate or meter shows an error; the figures would count retries, not the page')
    }
    return (
      container.querySelectorAll('[data-gate]').length === gateIds.length &&
      container.querySelectorAll('[role="meter"]:not([data-state="loading"])').length === meterFeatures.length
    )
  }
  try {
    root.render(provider(page))
    await waitUntil('20 gates and 3 meters to show their content', settled)
    await quiet()
    const mount = { ...counter.counts }

    counter.reset()
    root.render(provider(null))
    await waitUntil('the page to unmount', () => container.querySelector('main') === null)
    root.render(provider(page))
    await waitUntil('the remounted page to show its content', settled)
    await quiet()
    const remount = counter.counts.entitlement + counter.counts.subscription + counter.counts.other

    return {
      gates: gateIds.length,
      features: benchFeatures.length,
      meters: meterFeatures.length,
      mount: mount.entitlement,
      mountSubscription: mount.subscription,
      mountOther: mount.other,
      mountFeatureChecks: mount.entitlementFields,
      remount,
    }
  } finally {
    root.unmount()
    container.remove()
  }
}
