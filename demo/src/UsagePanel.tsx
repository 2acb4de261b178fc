import { FeatureGate, UsageMeter, useReportUsage } from 'react-stigg'
import { UpgradePrompt } from './UpgradePrompt'

/** Meters plus buttons that consume API calls, so the meter moves and the gate closes at the limit. */
export function UsagePanel() {
  const reportUsage = useReportUsage()
  const makeCalls = (value: number) => reportUsage.mutate({ featureId: 'feature-api-calls', value })

  return (
    <section className="demo-card" aria-labelledby="usage-title">
      <h2 id="usage-title">Usage</h2>
      <UsageMeter featureId="feature-api-calls" label="API calls" showReset className="demo-meter" />
      <UsageMeter featureId="feature-seats" label="Seats" className="demo-meter" />
      <FeatureGate
        featureId="feature-api-calls"
        loading={<p className="demo-skeleton">Checking your API quota…</p>}
        fallback={<UpgradePrompt plan="Enterprise">You’ve used every API call in your plan this period.</UpgradePrompt>}
      >
        <div className="demo-actions">
          <button type="button" className="demo-button" onClick={() => makeCalls(1)}>
            Make an API call
          </button>
          <FeatureGate
            featureId="feature-api-calls"
            requestedUsage={100}
            fallback={<p className="demo-muted">Fewer than 100 calls left this period.</p>}
          >
            <button type="button" className="demo-button demo-button-secondary" onClick={() => makeCalls(100)}>
              Make 100 API calls
            </button>
          </FeatureGate>
        </div>
      </FeatureGate>
      {reportUsage.isError && (
        <p role="alert" className="demo-error">
          Usage was not recorded: {reportUsage.error?.message}
        </p>
      )}
    </section>
  )
}
