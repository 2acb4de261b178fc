import { QueryClient } from '@tanstack/react-query'
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import { createEntitlementBatcher } from '../core/createEntitlementBatcher'
import { createStiggClient } from '../core/createStiggClient'
import { graphQLClientFetch, type GraphQLClientLike } from '../core/graphQLClientFetch'
import type { FallbackEntitlement } from '../core/fallbackEntitlement'
import { defaultStaleTime } from '../core/StiggQueryContext'
import { StiggError } from '../core/StiggError'
import { stiggKeys } from '../core/stiggKeys'
import { StiggContext, type StiggContextValue } from './StiggContext'

/** Props of {@link StiggProvider}. */
export interface StiggProviderProps {
  /**
   * The app's Stigg proxy endpoint (`createStiggProxy` on your backend), e.g. `/api/stigg`,
   * for the built-in fetch transport. Optional with `client` (then it only names the endpoint in messages).
   */
  url?: string
  /**
   * The app's own graphql-request `GraphQLClient`, pointed at your Stigg proxy: every request goes
   * through it (its headers, middleware and fetch) instead of the built-in transport. The provider's
   * `headers` are added per request; its `fetch` is not used. Hooks behave the same either way.
   * @example <StiggProvider client={new GraphQLClient('/api/stigg', { headers: auth })} customerId={id}>
   */
  client?: GraphQLClientLike
  /** The signed-in customer; null when signed out: hooks idle and other customers' data is dropped. */
  customerId: string | null
  /**
   * Scope entitlements to this resource of the customer (a workspace, a project): usage counts
   * per resource, and answers are cached per resource. Your proxy's `identify` must return the
   * same `resourceId`, or it refuses the request (403). Hooks may override it.
   * @default null (the customer's unscoped entitlements)
   */
  resourceId?: string | null
  /** Share the app's QueryClient; a private one is created otherwise. */
  queryClient?: QueryClient
  /** Used when a feature's query fails, and always when `offline`. */
  fallbackEntitlements?: Readonly<Record<string, FallbackEntitlement>>
  /**
   * Serve fallbacks only; no request is ever made.
   * @default false
   */
  offline?: boolean
  /**
   * How long fetched entitlements count as fresh, in ms.
   * @default 30_000
   */
  staleTime?: number
  /**
   * Refetch stale Stigg data when the window regains focus; `'always'` even fresh data. Hooks
   * may override it.
   * @default the QueryClient's `refetchOnWindowFocus` (TanStack: true)
   */
  refetchOnWindowFocus?: boolean | 'always'
  /**
   * Refetch Stigg data every this many ms while the tab is visible; paused while it is hidden
   * (TanStack's `refetchIntervalInBackground: false`). Hooks may override it.
   * @default the QueryClient's `refetchInterval` (TanStack: false)
   */
  refetchInterval?: number | false
  /** Sent with every request; a function is called per request. */
  headers?: HeadersInit | (() => HeadersInit)
  /** @default globalThis.fetch */
  fetch?: typeof fetch
  /** For numbers and dates shown by the components. @default the browser's locale */
  locale?: string
  /** Called once per failed query or mutation (after retries). */
  onError?: (error: StiggError) => void
  children?: ReactNode
}

/**
 * Connects the hooks and components below it to Stigg through the app's proxy.
 *
 * @example
 * <StiggProvider url="/api/stigg" customerId={user?.id ?? null} fallbackEntitlements={{ 'feature-x': { hasAccess: true } }}>
 *   <App />
 * </StiggProvider>
 */
export function StiggProvider(props: StiggProviderProps) {
  const { url, client: graphQLClient, customerId, offline = false, staleTime = defaultStaleTime, locale, fallbackEntitlements, children } = props
  const [privateClient] = useState(() => props.queryClient ?? new QueryClient())
  const queryClient = props.queryClient ?? privateClient

  // Refs keep inline `headers`/`fetch`/`onError` props from rebuilding the client every render.
  const latest = useRef(props)
  latest.current = props
  const [client, batcher] = useMemo(() => {
    // Getters: the client reads `headers` and `fetch` per request, so it always sees the latest props.
    const viaClient = graphQLClient && graphQLClientFetch(graphQLClient, '<StiggProvider client>')
    const created = createStiggClient({
      // A GraphQLClient knows its endpoint (a runtime field): messages name it.
      url: url ?? (graphQLClient as { url?: string } | undefined)?.url ?? '',
      get headers() {
        return latest.current.headers
      },
      get fetch() {
        return viaClient || latest.current.fetch
      },
    })
    return [created, createEntitlementBatcher(created)] as const
  }, [url, graphQLClient])
  const defaults = queryClient.getDefaultOptions()
  const retry = defaults.queries?.retry !== false && defaults.mutations?.retry !== false
  // Unset props keep the QueryClient's own defaults (an undefined option would override them).
  const refetchOnWindowFocus = props.refetchOnWindowFocus ?? (defaults.queries?.refetchOnWindowFocus as StiggContextValue['refetchOnWindowFocus'])
  const refetchInterval = props.refetchInterval ?? (defaults.queries?.refetchInterval as StiggContextValue['refetchInterval'])

  useEffect(() => {
    // Other customers' entries must go: in-flight answers are cancelled (discarded), cached ones removed.
    const others = { queryKey: stiggKeys.all, predicate: (query: { queryKey: readonly unknown[] }) => query.queryKey[1] !== customerId }
    void queryClient.cancelQueries(others)
    queryClient.removeQueries(others)
  }, [queryClient, customerId])

  useEffect(() => {
    // Window-focus and reconnect refetches need a mounted client (reference counted, so sharing is fine).
    queryClient.mount()
    // A failed query (after retries) is an `updated` event with an `error` action. A cancellation
    // (customer switch) is TanStack's CancelledError, never a StiggError, so it is not reported.
    // Mutations report through their options (`onError` in the context below).
    const unsubscribe = queryClient.getQueryCache().subscribe((event) => {
      const error = event.type === 'updated' && event.action.type === 'error' ? event.action.error : undefined
      if (event.query.queryKey[0] === stiggKeys.all[0] && error instanceof StiggError) latest.current.onError?.(error)
    })
    return () => {
      unsubscribe()
      queryClient.unmount()
    }
  }, [queryClient])

  const value = useMemo<StiggContextValue>(
    () => ({
      client,
      batcher,
      customerId,
      resourceId: props.resourceId ?? null,
      queryClient,
      staleTime,
      refetchOnWindowFocus,
      refetchInterval,
      offline,
      retry,
      fallbackEntitlements,
      locale,
      onError: (error: StiggError) => latest.current.onError?.(error),
    }),
    [client, batcher, customerId, props.resourceId, queryClient, staleTime, refetchOnWindowFocus, refetchInterval, offline, retry, fallbackEntitlements, locale],
  )
  return <StiggContext.Provider value={value}>{children}</StiggContext.Provider>
}
