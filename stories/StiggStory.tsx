import { QueryClient } from '@tanstack/react-query'
import { useState, type ReactNode } from 'react'
import { StiggProvider } from 'react-stigg'
import { StiggTestProvider } from 'react-stigg/testing'
import { storyFeature, type StiggSeedArgs } from './stiggStates'

const day = 86_400_000

const neverAnswers: typeof fetch = () => new Promise<Response>(() => undefined)
const answers500: typeof fetch = async () =>
  new Response(JSON.stringify({ errors: [{ message: 'Stigg is unavailable' }] }), {
    status: 500,
    headers: { 'content-type': 'application/json' },
  })
const cannotConnect: typeof fetch = async () => {
  throw new TypeError('Failed to fetch')
}

const brokenBackends = { loading: neverAnswers, error: answers500, 'network-error': cannotConnect } as const

function BrokenProvider({ fetch, children }: { fetch: typeof globalThis.fetch; children: ReactNode }) {
  // No retries: the story shows the error itself, not minutes of backoff.
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { retry: false } } }))
  return (
    <StiggProvider url="/api/stigg" customerId="customer-story" fetch={fetch} queryClient={queryClient}>
      {children}
    </StiggProvider>
  )
}

function SeededProvider({ seed, children }: { seed: StiggSeedArgs; children: ReactNode }) {
  const now = Date.now()
  return (
    <StiggTestProvider
      customerId={seed.backend === 'signed-out' ? null : 'customer-story'}
      locale="en-US"
      entitlements={{
        [storyFeature.id]: {
          type: 'metered',
          usageLimit: seed.unlimited ? null : seed.limit,
          currentUsage: seed.usage,
          isGranted: seed.granted,
          displayName: storyFeature.displayName,
          units: storyFeature.units,
          unitsPlural: storyFeature.unitsPlural,
        },
      }}
      subscription={{
        planId: `plan-${seed.planName.toLowerCase()}`,
        planName: seed.planName,
        status: seed.status,
        trialEndDate: seed.status === 'TRIAL' ? new Date(now + 14 * day) : null,
        endDate: seed.status === 'CANCELED' ? new Date(now + 10 * day) : null,
      }}
    >
      {children}
    </StiggTestProvider>
  )
}

export interface StiggStoryProps {
  seed: StiggSeedArgs
  children?: ReactNode
}

/**
 * Wraps a story in a Stigg seeded from its args: the in-process emulator through the real
 * client, or a provider that is stuck, failing or signed out. Any change of seed remounts
 * with a fresh emulator and cache, so Controls re-seed live.
 */
export function StiggStory({ seed, children }: StiggStoryProps) {
  const key = JSON.stringify(seed)
  if (seed.backend === 'emulator' || seed.backend === 'signed-out') {
    return (
      <SeededProvider key={key} seed={seed}>
        {children}
      </SeededProvider>
    )
  }
  return (
    <BrokenProvider key={key} fetch={brokenBackends[seed.backend]}>
      {children}
    </BrokenProvider>
  )
}
