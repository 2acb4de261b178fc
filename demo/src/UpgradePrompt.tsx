import type { ReactNode } from 'react'

export interface UpgradePromptProps {
  /** Which plan unlocks it, e.g. "Pro". */
  plan: string
  children: ReactNode
}

/** The fallback every gate in the demo shows: why it is locked and where to go. */
export function UpgradePrompt({ plan, children }: UpgradePromptProps) {
  return (
    <div className="demo-upgrade">
      <p>{children}</p>
      <a className="demo-button demo-button-upgrade" href="#plans">
        Upgrade to {plan}
      </a>
    </div>
  )
}
