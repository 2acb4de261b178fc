import { FeatureGate, UsageMeter, useReportUsage, type FeatureGateState } from 'react-stigg'
import { PlanBadge } from './PlanBadge'
import { deniedText } from './gateSlots'

/** Props of {@link ApiConsole}. */
export interface ApiConsoleProps {
  /**
   * The metered feature the console spends.
   * @default 'feature-api-calls'
   */
  featureId?: string
  /**
   * API calls one click reports; the button shows only while that many still fit.
   * @default 50
   */
  step?: number
}

const count = new Intl.NumberFormat('en-US')

// Near the limit the console asks for a whole step, so it words "exceeding" as "fewer than a step left".
const closedText = ({ reason }: FeatureGateState, step: number): string =>
  reason === 'RequestedUsageExceedingLimit'
    ? `Fewer than ${count.format(step)} API calls left this period. Upgrade for more.`
    : deniedText(reason)

/**
 * Everything under one `<StiggProvider>`: the plan, a meter, and a gated button that reports
 * usage, so a story shows the provider's state reaching every hook and component at once.
 * A story-only component: how an app might compose the pieces.
 */
export function ApiConsole({ featureId = 'feature-api-calls', step = 50 }: ApiConsoleProps) {
  const reportUsage = useReportUsage()
  return (
    <div className="api-console">
      <PlanBadge featureId={featureId} />
      <UsageMeter featureId={featureId} label="API calls" />
      <FeatureGate
        featureId={featureId}
        requestedUsage={step}
        loading={<p>Checking access…</p>}
        fallback={(state) => <p>{closedText(state, step)}</p>}
        error={<p role="alert">We couldn’t check your access.</p>}
      >
        <button
          type="button"
          disabled={reportUsage.isPending}
          onClick={() => reportUsage.mutate({ featureId, value: step })}
        >
          Make {count.format(step)} API calls
        </button>
      </FeatureGate>
      {reportUsage.isError && <p role="alert">Usage was not recorded: {reportUsage.error.message}</p>}
    </div>
  )
}
