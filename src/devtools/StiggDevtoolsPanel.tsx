import { useEffect, useId, useMemo, useRef, useState, useSyncExternalStore, type KeyboardEvent } from 'react'
import { useStiggContext } from '../react/StiggContext'
import { useStigg } from '../react/useStigg'
import { useSubscription } from '../react/useSubscription'
import { DevtoolsControls } from './DevtoolsControls'
import { DEVTOOLS_PATH, type DevtoolsDriver } from './DevtoolsProtocol'
import { styles } from './devtoolsStyles'
import { readCachedEntitlements } from './readCachedEntitlements'
import { createHttpDriver, useDevtoolsDriver } from './useDevtoolsDriver'

/** Props of `<StiggDevtools>`. */
export interface StiggDevtoolsProps {
  /**
   * Where `stiggDevPlugin` serves the devtools endpoint.
   * @default '/__stigg/devtools'
   */
  endpoint?: string
  /**
   * What the controls drive instead of the dev server's endpoint, e.g. the test kit's emulator
   * (`createTestStigg().devtools`) in tests and stories. Wins over `endpoint`.
   */
  driver?: DevtoolsDriver
  /**
   * Open on first render when nothing is remembered yet.
   * @default false
   */
  initialIsOpen?: boolean
  /**
   * Off: show the cache only, without the emulator controls (for an app with no emulator behind it).
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

/** Customer, plan and status as the app sees them (through the same hook and cache), not as the emulator has them. */
function DevtoolsSummary({ customerId }: { customerId: string | null }) {
  const { plan, status, isLoading, isError } = useSubscription()
  const planText = plan && status ? `${plan.name} · ${status}` : isLoading ? 'loading…' : isError ? 'unavailable' : 'none'
  return (
    <dl style={{ margin: '8px 0', display: 'grid', gridTemplateColumns: 'auto 1fr', gap: '2px 8px' }}>
      <dt>Customer</dt>
      <dd style={{ margin: 0 }} data-testid="devtools-customer">{customerId ?? 'signed out'}</dd>
      <dt>Plan</dt>
      <dd style={{ margin: 0 }} data-testid="devtools-plan">{customerId === null ? '—' : planText}</dd>
    </dl>
  )
}

const formatAge = (ms: number | null): string => (ms === null ? '—' : ms < 1000 ? 'now' : ms < 60_000 ? `${Math.floor(ms / 1000)}s` : `${Math.floor(ms / 60_000)}m`)

/** The development panel; `react-stigg/devtools` swaps in an empty component for production. */
export function StiggDevtoolsPanel({ endpoint = DEVTOOLS_PATH, driver, initialIsOpen = false, controls = true }: StiggDevtoolsProps) {
  const ctx = useStiggContext('StiggDevtools')
  const { customerId, queryClient, offline } = ctx
  const { invalidate } = useStigg()
  const panelId = useId()
  const toggleRef = useRef<HTMLButtonElement>(null)
  const closeRef = useRef<HTMLButtonElement>(null)
  const [open, setOpen] = useState(initialIsOpen)
  // Read after mount, so server and client render the same markup first.
  useEffect(() => setOpen(rememberedOpen(initialIsOpen)), [initialIsOpen])
  // Where focus goes once the panel opened or closed through the UI (not on mount).
  const pendingFocus = useRef<'close' | 'toggle' | null>(null)
  useEffect(() => {
    const target = pendingFocus.current === 'close' ? closeRef.current : pendingFocus.current === 'toggle' ? toggleRef.current : null
    pendingFocus.current = null
    target?.focus()
  }, [open])
  const httpDriver = useMemo(() => createHttpDriver(endpoint), [endpoint])
  const server = useDevtoolsDriver(driver ?? httpDriver, customerId, open && controls)

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
    pendingFocus.current = next ? 'close' : 'toggle'
  }
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation()
      setRemembered(false)
    }
  }

  const rows = open ? readCachedEntitlements(cache, { customerId, offline, fallbacks: new Set(Object.keys(ctx.fallbackEntitlements ?? {})), now }) : []

  // A landmark of its own, so the panel never sits in (or breaks) the app's landmarks.
  return (
    <aside aria-label="Stigg developer tools">
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
          <DevtoolsSummary customerId={customerId} />
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
                  <tr key={`${row.featureId}\n${row.resourceId ?? ''}`} data-feature-id={row.featureId} data-resource-id={row.resourceId ?? undefined} data-source={row.source}>
                    <th scope="row" style={styles.cell}>{row.resourceId ? `${row.featureId} (${row.resourceId})` : row.featureId}</th>
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
          {controls && customerId !== null && <DevtoolsControls endpoint={server} customerId={customerId} onChanged={invalidate} />}
        </section>
      )}
    </aside>
  )
}
