import { FeatureCards } from './FeatureCards'
import { PlanCard } from './PlanCard'
import { PlansOverview } from './PlansOverview'
import { UsagePanel } from './UsagePanel'

/** Everything a signed-in customer sees; remounted per customer so no local state leaks across. */
export function Dashboard() {
  return (
    <>
      <h1 className="demo-title">Workspace overview</h1>
      <div className="demo-grid demo-grid-top">
        <PlanCard />
        <UsagePanel />
      </div>
      <FeatureCards />
      <PlansOverview />
    </>
  )
}
