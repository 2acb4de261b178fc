import { render, screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { useEntitlement, useEntitlements } from 'react-stigg'
import { createTestStigg } from 'react-stigg/testing'

const featureIds = Array.from({ length: 10 }, (_, i) => `feature-${i}`)

function Gate({ featureId }: { featureId: string }) {
  const { hasAccess, isLoading } = useEntitlement(featureId)
  return <li>{isLoading ? 'loading' : `${featureId} ${hasAccess ? 'on' : 'off'}`}</li>
}

function Page() {
  // 20 consumers over 10 features: each feature twice.
  return <ul>{[...featureIds, ...featureIds].map((id, i) => <Gate key={i} featureId={id} />)}</ul>
}

const entitlementRequests = (stigg: ReturnType<typeof createTestStigg>) =>
  stigg.emulator.requests.filter((request) => request.operationName === 'StiggEntitlements')

describe('request counting', () => {
  it('sends exactly 1 entitlement request for 20 consumers over 10 features, and 0 on remount within staleTime', async () => {
    const stigg = createTestStigg({ entitlements: Object.fromEntries(featureIds.map((id) => [id, { usageLimit: 5, currentUsage: 1 }])) })
    const first = render(<Page />, { wrapper: stigg.wrapper })
    await waitFor(() => expect(screen.getAllByText(/ on$/)).toHaveLength(20))
    expect(entitlementRequests(stigg)).toHaveLength(1)
    expect(Object.keys(entitlementRequests(stigg)[0]?.variables as object)).toHaveLength(11)

    first.unmount()
    render(<Page />, { wrapper: stigg.wrapper })
    expect(screen.getAllByText(/ on$/)).toHaveLength(20)
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(entitlementRequests(stigg)).toHaveLength(1)
  })

  it('splits a batch of more than 100 missing features into requests of at most 100', async () => {
    const ids = Array.from({ length: 130 }, (_, i) => `feature-${i}`)
    const stigg = createTestStigg({ entitlements: Object.fromEntries(ids.map((id) => [id, {}])) })
    function All() {
      const { hasAccess, entitlements, isLoading } = useEntitlements(ids)
      return <p>{isLoading ? 'loading' : `${Object.keys(entitlements).length} ${hasAccess ? 'all on' : 'some off'}`}</p>
    }
    render(<All />, { wrapper: stigg.wrapper })
    expect(await screen.findByText('130 all on')).toBeInTheDocument()
    const sizes = entitlementRequests(stigg).map((request) => Object.keys(request.variables as object).length - 1)
    expect(sizes.sort((a, b) => a - b)).toEqual([30, 100])
  })
})
