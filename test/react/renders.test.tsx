import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { Profiler, type ProfilerOnRenderCallback } from 'react'
import { describe, expect, it } from 'vitest'
import { useEntitlement, useReportUsage } from 'react-stigg'
import { createTestStigg } from 'react-stigg/testing'

function Usage({ featureId }: { featureId: string }) {
  const { entitlement } = useEntitlement(featureId)
  return <p>{entitlement ? `${featureId} ${entitlement.currentUsage}` : `${featureId} loading`}</p>
}

function ReportButton({ featureId }: { featureId: string }) {
  const report = useReportUsage()
  return <button onClick={() => report.mutate({ featureId, value: 2 })}>report {featureId}</button>
}

describe('render counting', () => {
  it("re-renders nothing bound only to feature B when feature A's usage changes", async () => {
    const stigg = createTestStigg({ entitlements: { 'feature-a': { usageLimit: 100, currentUsage: 1 }, 'feature-b': { usageLimit: 100, currentUsage: 5 } } })
    const renders: Record<string, number> = {}
    const onRender: ProfilerOnRenderCallback = (id) => {
      renders[id] = (renders[id] ?? 0) + 1
    }
    render(
      <stigg.Provider>
        <Profiler id="a" onRender={onRender}>
          <Usage featureId="feature-a" />
          <ReportButton featureId="feature-a" />
        </Profiler>
        <Profiler id="b" onRender={onRender}>
          <Usage featureId="feature-b" />
        </Profiler>
      </stigg.Provider>,
    )
    await screen.findByText('feature-a 1')
    await screen.findByText('feature-b 5')
    renders.a = 0
    renders.b = 0

    fireEvent.click(screen.getByText('report feature-a'))
    await screen.findByText('feature-a 3')
    // Wait for the refetch on settle too.
    await waitFor(() => expect(stigg.queryClient.isFetching() + stigg.queryClient.isMutating()).toBe(0))
    expect(stigg.getUsage('feature-a')).toBe(3)
    expect(renders.a).toBeGreaterThan(0)
    expect(renders.b).toBe(0)
  })

  it('re-renders nothing bound only to feature B when feature A is refetched with new data', async () => {
    const stigg = createTestStigg({ entitlements: { 'feature-a': { usageLimit: 100, currentUsage: 1 }, 'feature-b': { usageLimit: 100, currentUsage: 5 } } })
    let bRenders = 0
    render(
      <stigg.Provider>
        <Usage featureId="feature-a" />
        <Profiler id="b" onRender={() => bRenders++}>
          <Usage featureId="feature-b" />
        </Profiler>
      </stigg.Provider>,
    )
    await screen.findByText('feature-b 5')
    bRenders = 0
    await stigg.setUsage('feature-a', 50)
    await screen.findByText('feature-a 50')
    expect(bRenders).toBe(0)
  })
})
