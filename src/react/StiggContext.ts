import type { QueryClient } from '@tanstack/react-query'
import { createContext, useContext } from 'react'
import type { FallbackEntitlement } from '../core/fallbackEntitlement'
import type { StiggQueryContext } from '../core/StiggQueryContext'

/** Which cached Stigg data `invalidate` refetches. */
export interface StiggInvalidateFilter {
  /** Only these features' entitlements; everything of the customer when omitted. */
  featureIds?: readonly string[]
}

/** What `<StiggProvider>` shares with the hooks. */
export interface StiggContextValue extends StiggQueryContext {
  customerId: string | null
  /** The provider's `resourceId`; hooks may name another (or null: unscoped). */
  resourceId: string | null
  queryClient: QueryClient
  staleTime: number
  offline: boolean
  fallbackEntitlements: Readonly<Record<string, FallbackEntitlement>> | undefined
  locale: string | undefined
}

export const StiggContext = createContext<StiggContextValue | undefined>(undefined)
// For React DevTools only.
if (process.env.NODE_ENV !== 'production') StiggContext.displayName = 'StiggContext'

/** The provider's value; `hook` names the caller in the error thrown outside a provider. */
export function useStiggContext(hook: string): StiggContextValue {
  const value = useContext(StiggContext)
  if (value === undefined) {
    throw new Error(
      process.env.NODE_ENV !== 'production' ? `\`${hook}\` must be used within \`<StiggProvider>\`.` : 'react-stigg: no <StiggProvider>',
    )
  }
  return value
}
