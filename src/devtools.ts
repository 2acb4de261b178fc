// react-stigg/devtools: <StiggDevtools />, a development panel over the Stigg cache and the dev server's emulator.
import type { ReactElement } from 'react'
import { StiggDevtoolsPanel, type StiggDevtoolsProps } from './devtools/StiggDevtoolsPanel'

/**
 * A small panel for development: the signed-in customer, plan and status, every cached
 * entitlement with its source and age, and — with `stiggDevPlugin` on the Vite dev server —
 * controls that drive the emulator (plan, status, usage, clock, outage). Production builds
 * get an empty component: the panel's code is only reachable when NODE_ENV is not production.
 *
 * @example
 * import { StiggDevtools } from 'react-stigg/devtools'
 * <StiggProvider url="/api/stigg" customerId={user.id}>
 *   <App />
 *   <StiggDevtools />
 * </StiggProvider>
 */
export const StiggDevtools: (props: StiggDevtoolsProps) => ReactElement | null =
  process.env.NODE_ENV === 'production' ? () => null : StiggDevtoolsPanel

export type { StiggDevtoolsProps } from './devtools/StiggDevtoolsPanel'
export type { DevtoolsEntitlementSource } from './devtools/readCachedEntitlements'
export type { DevtoolsAction, DevtoolsDriver, DevtoolsFeature, DevtoolsLogEntry, DevtoolsOutage, DevtoolsState } from './devtools/DevtoolsProtocol'
