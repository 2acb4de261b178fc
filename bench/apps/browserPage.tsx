// The page bench/browser.ts loads in Chromium: mounts the provider and one gate, times it, then times one round trip.
import { FeatureGate, StiggProvider } from 'react-stigg'
import { createRoot } from 'react-dom/client'

export interface BrowserPageResult {
  /** createRoot().render → the gate's granted content is in the DOM. */
  firstGateMs: number
  /** One POST to the bare JSON endpoint on the same origin, answered and parsed. */
  rttMs: number
}

declare global {
  interface Window {
    benchResult?: BrowserPageResult | { error: string }
  }
}

// The same body the client sends for one feature, so both timings carry the same bytes.
const rttBody = document.getElementById('rtt-body')?.textContent ?? '{}'

function mountGate(container: HTMLElement): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const observer = new MutationObserver(() => {
      if (container.querySelector('[data-bench="granted"]') !== null) {
        observer.disconnect()
        resolve(performance.now() - started)
      } else if (container.querySelector('[data-bench="denied"]') !== null) {
        observer.disconnect()
        reject(new Error('the gate showed its fallback: customer-pro should be granted feature-analytics'))
      }
    })
    observer.observe(container, { childList: true, subtree: true })
    createRoot(container).render(
      <StiggProvider url="/api/stigg" customerId="customer-pro">
        <FeatureGate featureId="feature-analytics" fallback={<p data-bench="denied">Upgrade for analytics</p>}>
          <p data-bench="granted">Advanced analytics</p>
        </FeatureGate>
      </StiggProvider>,
    )
  })
}

async function roundTrip(): Promise<number> {
  const started = performance.now()
  const response = await fetch('/bare', { method: 'POST', headers: { 'content-type': 'application/json' }, body: rttBody })
  await response.json()
  return performance.now() - started
}

async function main() {
  const container = document.getElementById('root')
  if (container === null) throw new Error('the page has no #root')
  const firstGateMs = await mountGate(container)
  const rttMs = await roundTrip()
  window.benchResult = { firstGateMs, rttMs }
}

main().catch((error: unknown) => {
  window.benchResult = { error: String(error) }
})
