import { useEffect, useId, useRef, useState, useSyncExternalStore, type KeyboardEvent } from 'react'
import { stiggKeys } from '../core/stiggKeys'
import { pickCurrentSubscription } from '../core/subscriptions'
import type { SubscriptionData } from '../core/types'
import { useStiggContext } from '../react/StiggContext'
import { DevtoolsControls } from './DevtoolsControls'
import { DEVTOOLS_PATH } from './DevtoolsProtocol'
import { styles } from './devtoolsStyles'
import { readCachedEntitlements } from './readCachedEntitlements'
import { useDevtoolsEndpoint } from './useDevtoolsEndpoint'

/** Props of `<StiggDevtools>`. */
export interface StiggDevtoolsProps {
  /**
   * Where `stiggDevPlugin` serves the devtools endpoint.
   * @default '/__stigg/devtools'
   */
  endpoint?: string
  /**
   * Open on first render when nothing is remembered yet.
   * @default false
   */
  initialIsOpen?: boolean
  /**
   * Off: show the cache only, without the emulator controls (no dev server endpoint needed, e.g. in Storybook).
   * @default true
   */
  controls?: boolean
}

const storageKey = 'react-stigg-devtools-open'

function rememberedOpen(fallback: boolean): boolean {
  try {
    const value = globalThis.localStorage?.getItem(storageKey)
    return value === null || value === undefined ? fallback : value === 'true'
  } catch {
    return fallback // storage blocked (privacy mode, sandboxed frame)
  }
}

const formatAge = (ms: number | null): string => (ms === null ? '—' : ms < 1000 ? 'now' : ms < 60_000 ? `${Math.floor(ms / 1000)}s` : `${Math.floor(ms / 60_000)}m`)

/** The development panel; `react-stigg/devtools` swaps in an empty component for production. */
export function StiggDevtoolsPanel({ endpoint = DEVTOOLS_PATH, initialIsOpen = false, controls = true }: StiggDevtoolsProps) {
  const ctx = useStiggContext('StiggDevtools')
  const { customerId, queryClient, offline } = ctx
  const [open, setOpen] = useState(() => rememberedOpen(initialIsOpen))
  const panelId = useId()
  const toggleRef = useRef<HTMLButtonElement>(null)
  const closeRef = useRef<HTMLButtonElement>(null)
  const server = useDevtoolsEndpoint(endpoint, customerId, open && controls)

  const cache = queryClient.getQueryCache()
  // Any cache change re-renders the open panel; the ticking clock below keeps ages moving.
  useSyncExternalStore(
    (onChange) => (open ? cache.subscribe(onChange) : () => undefined),
    () => cache.getAll().reduce((sum, query) => sum + query.state.dataUpdateCount + query.state.errorUpdateCount + (query.state.fetchStatus === 'fetching' ? 1 : 0), 0),
    () => 0,
  )
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (!open) return
    const timer = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(timer)
  }, [open])

  const setRemembered = (next: boolean) => {
    setOpen(next)
    try {
      globalThis.localStorage?.setItem(storageKey, String(next))
    } catch {
      // Not remembered; the panel still works.
    }
    if (next) queueMicrotask(() => closeRef.current?.focus())
    else queueMicrotask(() => toggleRef.current?.focus())
  }
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation()
      setRemembered(false)
    }
  }

  // The plan as the app sees it (its cached subscriptions), not as the emulator has it: they differ until a refetch.
  const subscriptions = queryClient.getQueryData<SubscriptionData[]>(stiggKeys.subscriptions(customerId))
  const subscription = subscriptions ? pickCurrentSubscription(subscriptions) : null
  const rows = open ? readCachedEntitlements(cache, { customerId, offline, fallbacks: new Set(Object.keys(ctx.fallbackEntitlements ?? {})), now }) : []

  return (
    <>
      <button ref={toggleRef} type="button" style={styles.toggle} aria-expanded={open} aria-controls={panelId} onClick={() => setRemembered(!open)}>
        Stigg devtools
      </button>
      {open && (
        <section id={panelId} role="region" aria-label="Stigg devtools" style={styles.panel} onKeyDown={onKeyDown} data-react-stigg-devtools="">
          <div style={styles.header}>
            <h2 style={styles.heading}>Stigg devtools</h2>
            <button ref={closeRef} type="button" style={styles.button} aria-label="Close Stigg devtools" onClick={() => setRemembered(false)}>
              Close
            </button>
          </div>
          <dl style={{ margin: '8px 0', display: 'grid', gridTemplateColumns: 'auto 1fr', gap: '2px 8px' }}>
            <dt>Customer</dt>
            <dd style={{ margin: 0 }} data-testid="devtools-customer">{customerId ?? 'signed out'}</dd>
            <dt>Plan</dt>
            <dd style={{ margin: 0 }} data-testid="devtools-plan">
              {subscription ? `${subscription.plan.name} · ${subscription.status}` : subscriptions ? 'no subscription' : 'not loaded'}
            </dd>
          </dl>
          <h3 style={styles.subheading}>Cached entitlements</h3>
          {rows.length === 0 ? (
            <p style={{ margin: 0 }}>Nothing cached for this customer yet.</p>
          ) : (
            <table style={styles.table}>
              <thead>
                <tr>
                  {['Feature', 'Access', 'Usage', 'Source', 'Age'].map((title) => (
                    <th key={title} scope="col" style={styles.cell}>{title}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.featureId} data-feature-id={row.featureId} data-source={row.source}>
                    <th scope="row" style={styles.cell}>{row.featureId}</th>
                    <td style={styles.cell}>{row.data ? (row.data.isGranted ? 'granted' : (row.data.accessDeniedReason ?? 'denied')) : '—'}</td>
                    <td style={styles.cell}>{row.data ? `${row.data.currentUsage} / ${row.data.usageLimit ?? '∞'}` : '—'}</td>
                    <td style={styles.cell}>{row.fetching ? `${row.source} (fetching)` : row.source}</td>
                    <td style={styles.cell}>{formatAge(row.ageMs)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {server.error && (
            <p role="alert" style={styles.error}>{server.error}</p>
          )}
          {controls && customerId !== null && <DevtoolsControls endpoint={server} customerId={customerId} onChanged={ctx.invalidate} />}
        </section>
      )}
    </>
  )
}
