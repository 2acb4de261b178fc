import { useState, type FormEvent } from 'react'
import type { DevtoolsConnection } from './useDevtoolsDriver'
import type { DevtoolsAction, DevtoolsOutage } from './DevtoolsProtocol'
import { styles } from './devtoolsStyles'

const statuses = ['ACTIVE', 'TRIAL', 'PAUSED', 'CANCELED'] as const
const outageLabels: Record<DevtoolsOutage, string> = { off: 'Off', '503': 'Answers 503', timeout: 'Times out' }

interface DevtoolsControlsProps {
  endpoint: DevtoolsConnection
  customerId: string
  /** Refetches the customer's Stigg data after a change, so the app shows it at once. */
  onChanged: () => Promise<void>
}

/** Plan and status, usage, clock and outage controls, then the endpoint's change log. */
export function DevtoolsControls({ endpoint, customerId, onChanged }: DevtoolsControlsProps) {
  const { state, busy } = endpoint
  const metered = state?.features.filter((feature) => feature.type === 'metered') ?? []
  const [featureId, setFeatureId] = useState('')
  const [usage, setUsage] = useState('')
  const selectedFeature = featureId || metered[0]?.id || ''

  const run = async (action: DevtoolsAction) => {
    if (await endpoint.send(action)) await onChanged()
  }
  const submitUsage = (event: FormEvent) => {
    event.preventDefault()
    if (selectedFeature && usage !== '') void run({ type: 'setUsage', customerId, featureId: selectedFeature, value: Number(usage) })
  }
  if (!state) return null

  return (
    <>
      <h3 style={styles.subheading}>Drive the emulator</h3>
      <div style={styles.row}>
        <label>
          Plan{' '}
          <select style={styles.control} disabled={busy} value={state.subscription?.planId ?? ''} onChange={(event) => void run({ type: 'setSubscription', customerId, planId: event.target.value })}>
            {state.subscription === null && <option value="">none</option>}
            {state.plans.map((plan) => (
              <option key={plan.id} value={plan.id}>{plan.name}</option>
            ))}
          </select>
        </label>
        <label>
          Status{' '}
          <select style={styles.control} disabled={busy} value={state.subscription?.status ?? ''} onChange={(event) => void run({ type: 'setSubscription', customerId, status: event.target.value as (typeof statuses)[number] })}>
            {state.subscription === null && <option value="">none</option>}
            {statuses.map((status) => (
              <option key={status} value={status}>{status}</option>
            ))}
          </select>
        </label>
      </div>
      {metered.length > 0 && (
        <form style={styles.row} onSubmit={submitUsage}>
          <label>
            Feature{' '}
            <select style={styles.control} value={selectedFeature} onChange={(event) => setFeatureId(event.target.value)}>
              {metered.map((feature) => (
                <option key={feature.id} value={feature.id}>{feature.displayName} (now {state.usage[feature.id] ?? 0})</option>
              ))}
            </select>
          </label>
          <label>
            Usage{' '}
            <input style={{ ...styles.control, width: 80 }} type="number" min={0} step={1} required value={usage} onChange={(event) => setUsage(event.target.value)} />
          </label>
          <button style={styles.button} type="submit" disabled={busy}>Set usage</button>
        </form>
      )}
      <div style={styles.row}>
        <button style={styles.button} type="button" disabled={busy || state.nextReset === null} onClick={() => void run({ type: 'advanceToReset', customerId })}>
          Advance clock to next reset
        </button>
        <span>{state.nextReset ? `next reset ${new Date(state.nextReset).toLocaleString()}` : 'nothing resets'}</span>
      </div>
      <div style={styles.row}>
        <label>
          Outage{' '}
          <select style={styles.control} disabled={busy} value={state.outage} onChange={(event) => void run({ type: 'setOutage', outage: event.target.value as DevtoolsOutage })}>
            {(Object.keys(outageLabels) as DevtoolsOutage[]).map((outage) => (
              <option key={outage} value={outage}>{outageLabels[outage]}</option>
            ))}
          </select>
        </label>
        <span>emulator clock {new Date(state.now).toLocaleString()}</span>
      </div>
      <h3 style={styles.subheading}>Log</h3>
      {state.log.length === 0 ? (
        <p style={{ margin: 0 }}>No changes yet.</p>
      ) : (
        <ol style={styles.log} aria-label="Devtools log" aria-live="polite">
          {state.log.map((entry, index) => (
            <li key={`${entry.at}-${index}`}>
              <time dateTime={entry.at}>{new Date(entry.at).toLocaleTimeString()}</time> {entry.message}
            </li>
          ))}
        </ol>
      )}
    </>
  )
}
