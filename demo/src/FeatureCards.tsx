import { useState } from 'react'
import type { FormEvent } from 'react'
import { FeatureGate, useReportUsage } from 'react-stigg'
import { UpgradePrompt } from './UpgradePrompt'

const checking = <p className="demo-skeleton">Checking access…</p>

function SsoSettings() {
  const [saved, setSaved] = useState(false)
  const save = (event: FormEvent) => {
    event.preventDefault()
    setSaved(true)
  }
  return (
    <form onSubmit={save} className="demo-form">
      <label htmlFor="sso-metadata">SAML metadata URL</label>
      <input id="sso-metadata" type="url" placeholder="https://idp.example.com/metadata" required />
      <button type="submit" className="demo-button">
        Save SSO settings
      </button>
      {saved && <p role="status">SSO settings saved.</p>}
    </form>
  )
}

const dailyRequests = [
  ['Mon', 1200],
  ['Tue', 1850],
  ['Wed', 1600],
  ['Thu', 2300],
  ['Fri', 2050],
] as const

function AnalyticsReport() {
  const peak = Math.max(...dailyRequests.map(([, count]) => count))
  return (
    <table className="demo-analytics">
      <caption>Requests per day, this week</caption>
      <tbody>
        {dailyRequests.map(([day, count]) => (
          <tr key={day}>
            <th scope="row">{day}</th>
            <td>
              <span className="demo-bar-track" aria-hidden="true">
                <span className="demo-bar" style={{ inlineSize: `${(count / peak) * 100}%` }} />
              </span>
              <span>{new Intl.NumberFormat('en-US').format(count)}</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function InviteForm() {
  const reportUsage = useReportUsage()
  const [invited, setInvited] = useState<string | null>(null)
  const invite = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const email = String(new FormData(event.currentTarget).get('email'))
    // A new teammate takes a seat: report it, and the seat meter and this gate follow.
    reportUsage.mutate({ featureId: 'feature-seats', value: 1 }, { onSuccess: () => setInvited(email) })
  }
  return (
    <form onSubmit={invite} className="demo-form">
      <label htmlFor="invite-email">Teammate’s email</label>
      <input id="invite-email" name="email" type="email" placeholder="sam@example.com" required />
      <button type="submit" className="demo-button" disabled={reportUsage.isPending}>
        Send invite
      </button>
      {invited && <p role="status">Invitation sent to {invited}.</p>}
      {reportUsage.isError && <p role="alert">The invite failed: {reportUsage.error?.message}</p>}
    </form>
  )
}

/** Three gated features, each with its own upgrade fallback. */
export function FeatureCards() {
  return (
    <div className="demo-grid">
      <section className="demo-card" aria-labelledby="sso-title">
        <h2 id="sso-title">Single sign-on</h2>
        <FeatureGate
          featureId="feature-sso"
          loading={checking}
          fallback={<UpgradePrompt plan="Enterprise">SSO with your identity provider is part of Enterprise.</UpgradePrompt>}
        >
          <SsoSettings />
        </FeatureGate>
      </section>
      <section className="demo-card" aria-labelledby="analytics-title">
        <h2 id="analytics-title">Advanced analytics</h2>
        <FeatureGate
          featureId="feature-analytics"
          loading={checking}
          fallback={<UpgradePrompt plan="Pro">See trends across your workspace with Pro.</UpgradePrompt>}
        >
          <AnalyticsReport />
        </FeatureGate>
      </section>
      <section className="demo-card" aria-labelledby="invite-title">
        <h2 id="invite-title">Invite teammates</h2>
        <FeatureGate
          featureId="feature-seats"
          requestedUsage={1}
          loading={checking}
          fallback={<UpgradePrompt plan="Pro">Every seat in your plan is taken.</UpgradePrompt>}
        >
          <InviteForm />
        </FeatureGate>
      </section>
    </div>
  )
}
