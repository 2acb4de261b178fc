import { Profiler, useEffect, type ProfilerOnRenderCallback, type ReactNode } from 'react'
import { benchCatalog, countingFetch } from './benchEmulator'
import { benchApiKey, benchCustomer } from './fixtures'
import { installDom, quiet, waitUntil } from './dom'

export interface RenderFigures {
  /** Commits of components bound only to feature B while feature A's usage changed. */
  unrelated: number
  /** The same for components bound to feature A: must be above 0, or the change never happened. */
  related: number
  /** B's renders split by component. */
  unrelatedByComponent: Record<string, number>
}

const featureA = 'feature-api-calls'
const featureB = 'feature-seats'

/**
 * Section 3: report usage on feature A through useReportUsage and count, with React's
 * <Profiler>, the renders of components that only read feature B.
 */
export async function measureRenders(): Promise<RenderFigures> {
  installDom()
  const { createRoot } = await import('react-dom/client')
  const { StiggProvider, FeatureGate, UsageMeter, useEntitlement, useReportUsage } = await import('react-stigg')
  const { createEmulator, defaultCatalog } = await import('react-stigg/emulator')

  const emulator = createEmulator({ apiKey: benchApiKey, catalog: benchCatalog(defaultCatalog) })
  await emulator.ready
  const counter = countingFetch(emulator)
  const commits: Record<string, number> = {}
  const onRender: ProfilerOnRenderCallback = (id) => {
    commits[id] = (commits[id] ?? 0) + 1
  }
  const reporter: { current?: (params: { featureId: string; value: number }) => Promise<unknown> } = {}

  function Reporter() {
    const { mutateAsync } = useReportUsage()
    useEffect(() => {
      reporter.current = mutateAsync
    }, [mutateAsync])
    return null
  }

  function SeatsText() {
    const { entitlement } = useEntitlement(featureB)
    return <span data-b-text="">{entitlement?.currentUsage ?? '…'}</span>
  }

  const profiled = (id: string, children: ReactNode) => (
    <Profiler id={id} onRender={onRender}>
      {children}
    </Profiler>
  )

  const container = document.createElement('div')
  document.body.append(container)
  const root = createRoot(container)
  try {
    root.render(
      <StiggProvider url="http://127.0.0.1/graphql" customerId={benchCustomer} fetch={counter.fetch}>
        <Reporter />
        {profiled('A:UsageMeter', <UsageMeter data-bench="a-meter" featureId={featureA} label="API calls" />)}
        {profiled('A:FeatureGate', <FeatureGate featureId={featureA}>API</FeatureGate>)}
        {profiled('B:UsageMeter', <UsageMeter featureId={featureB} label="Seats" />)}
        {profiled('B:FeatureGate', <FeatureGate featureId={featureB}>Seats</FeatureGate>)}
        {profiled('B:useEntitlement', <SeatsText />)}
      </StiggProvider>,
    )
    const meterA = () => container.querySelector('[data-bench="a-meter"]')
    const usageA = () => Number(meterA()?.getAttribute('aria-valuenow') ?? Number.NaN)
    await waitUntil('both meters to load', () => {
      if (container.querySelector('[role="meter"][data-state="error"]') !== null) {
        throw new Error('bench renders: a meter shows an error; fix the stack before counting renders')
      }
      return container.querySelectorAll('[role="meter"]:not([data-state="loading"])').length === 2
    })
    await waitUntil('the reporter to be ready', () => reporter.current !== undefined)
    await quiet()

    const before = usageA()
    const sent = counter.counts.other
    for (const key of Object.keys(commits)) commits[key] = 0
    await reporter.current!({ featureId: featureA, value: 5 })
    await waitUntil(`feature A's meter to move from ${before} by 5`, () => usageA() === before + 5)
    // The report settles with a refetch of A: wait for it too, since that is where a careless cache touches B.
    await waitUntil('the usage report to be sent', () => counter.counts.other > sent)
    await quiet(200)
    await waitUntil('the network to go idle', () => counter.inFlight() === 0)
    await quiet()

    const unrelatedByComponent = Object.fromEntries(
      Object.entries(commits)
        .filter(([id]) => id.startsWith('B:'))
        .map(([id, count]) => [id.slice(2), count]),
    )
    const sum = (prefix: string) =>
      Object.entries(commits).reduce((total, [id, count]) => total + (id.startsWith(prefix) ? count : 0), 0)
    return { unrelated: sum('B:'), related: sum('A:'), unrelatedByComponent }
  } finally {
    root.unmount()
    container.remove()
  }
}
