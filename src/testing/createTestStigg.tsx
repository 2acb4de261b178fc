import { QueryClient } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { createEmulator, defaultCatalog, validateCatalog, type Catalog, type Emulator } from '../emulator'
import { createDevtoolsControl } from '../emulator/createDevtoolsControl'
import type { DevtoolsDriver } from '../devtools/DevtoolsProtocol'
import { stiggKeys } from '../core/stiggKeys'
import type { FallbackEntitlement } from '../core/fallbackEntitlement'
import { StiggProvider } from '../react/StiggProvider'
import { catalogFromEntitlements, isMetered, type TestEntitlement, type TestSubscription } from './catalogFromEntitlements'

/** Options of {@link createTestStigg}. */
export interface CreateTestStiggOptions {
  /** The signed-in test customer. @default 'customer-test' with `entitlements`, else 'customer-pro' */
  customerId?: string
  /** The features to fake; without it the default catalog and seeded demo customers are used. */
  entitlements?: Readonly<Record<string, TestEntitlement>>
  /**
   * The product, as the emulator catalog JSON that also seeds `stiggDevPlugin` and types
   * `react-stigg-codegen`'s output (ignored with `entitlements`). The customer starts on
   * `subscription.planId`, else the catalog's default plan; no demo customers are seeded.
   */
  catalog?: Catalog
  subscription?: TestSubscription
  locale?: string
  /** @default a fresh QueryClient with `retry: false` */
  queryClient?: QueryClient
}

/** Props of the kit's provider: everything optional, the kit's customer by default. */
export interface TestStiggProviderProps {
  children?: ReactNode
  /** Overrides the kit's customer; null signs out. */
  customerId?: string | null
  locale?: string
  offline?: boolean
  fallbackEntitlements?: Readonly<Record<string, FallbackEntitlement>>
  onError?: (error: import('../core/StiggError').StiggError) => void
}

/** What {@link createTestStigg} returns. */
export interface TestStigg {
  emulator: Emulator
  customerId: string
  queryClient: QueryClient
  /** A fetch that answers from the in-process emulator. */
  fetch: typeof fetch
  /** The url the provider points at (never reached over the network). */
  url: string
  headers: Record<string, string>
  /** Wraps the app under test; also usable as `renderHook`'s `wrapper`. */
  Provider: (props: TestStiggProviderProps) => ReactNode
  wrapper: (props: { children?: ReactNode }) => ReactNode
  /** Sets usage in the emulator and refetches that feature. */
  setUsage(featureId: string, value: number): Promise<void>
  getUsage(featureId: string): number
  /** Changes the customer's subscription and refetches everything of theirs. */
  setSubscription(patch: TestSubscription): Promise<void>
  /** Refetches everything cached for Stigg. */
  invalidate(): Promise<void>
  /**
   * Drives this emulator from `<StiggDevtools driver={stigg.devtools} />` (react-stigg/devtools):
   * plan, status, usage, clock and outage (a `503` outage fails this kit's `fetch`).
   */
  devtools: DevtoolsDriver
}

const url = 'http://emulator.react-stigg.test/graphql'

/**
 * A Stigg for tests and stories: an in-process emulator behind the real client and
 * `<StiggProvider>`, with helpers to change state mid-test. No network, browser-safe.
 *
 * @example
 * const stigg = createTestStigg({ entitlements: { 'feature-x': { usageLimit: 10, currentUsage: 3 } } })
 * render(<Meter />, { wrapper: stigg.wrapper })
 * await stigg.setUsage('feature-x', 10)
 */
export function createTestStigg(options: CreateTestStiggOptions = {}): TestStigg {
  const { entitlements, subscription = {} } = options
  const customerId = options.customerId ?? (entitlements || options.catalog ? 'customer-test' : 'customer-pro')
  const catalog = validateCatalog(entitlements ? catalogFromEntitlements(entitlements, subscription) : (options.catalog ?? defaultCatalog))
  // The demo customers exist in the default catalog only.
  const emulator = createEmulator({ catalog, seed: !entitlements && !options.catalog })
  const { planName: _planName, ...patch } = subscription
  if (entitlements) {
    const usage: Record<string, number> = {}
    for (const [featureId, spec] of Object.entries(entitlements)) {
      if (isMetered(spec)) usage[featureId] = spec.currentUsage ?? 0
    }
    emulator.admin.addCustomer({ customerId, status: 'ACTIVE', ...patch, usage })
  } else if (emulator.admin.snapshot().customers[customerId] === undefined) {
    emulator.admin.addCustomer({ customerId, ...patch })
  } else if (Object.keys(patch).length > 0) {
    emulator.admin.setSubscription(customerId, patch)
  }

  const queryClient =
    options.queryClient ?? new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } })
  const headers = { 'x-api-key': emulator.apiKey }
  const devtools = createDevtoolsControl(emulator, catalog)
  const answer = devtools.wrapFetch((request) => emulator.fetch(request))
  const emulatorFetch: typeof fetch = (input, init) => answer(new Request(input, init))
  const invalidate = () => queryClient.invalidateQueries({ queryKey: stiggKeys.all })

  function Provider(props: TestStiggProviderProps) {
    return (
      <StiggProvider
        url={url}
        customerId={props.customerId === undefined ? customerId : props.customerId}
        queryClient={queryClient}
        fetch={emulatorFetch}
        headers={headers}
        locale={props.locale ?? options.locale}
        offline={props.offline}
        fallbackEntitlements={props.fallbackEntitlements}
        onError={props.onError}
      >
        {props.children}
      </StiggProvider>
    )
  }

  return {
    emulator,
    customerId,
    queryClient,
    fetch: emulatorFetch,
    url,
    headers,
    Provider,
    wrapper: ({ children }) => <Provider>{children}</Provider>,
    async setUsage(featureId, value) {
      emulator.admin.setUsage(customerId, featureId, value)
      await queryClient.invalidateQueries({ queryKey: stiggKeys.entitlement(customerId, featureId) })
    },
    getUsage: (featureId) => emulator.admin.getUsage(customerId, featureId),
    async setSubscription({ planName: _name, ...change }) {
      emulator.admin.setSubscription(customerId, change)
      await queryClient.invalidateQueries({ queryKey: stiggKeys.customer(customerId) })
    },
    invalidate,
    devtools,
  }
}
