import { QueryClient } from '@tanstack/react-query'
import { act, render, screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { StiggProvider, useEntitlement, useStigg } from 'react-stigg'
import { createEmulator } from 'react-stigg/emulator'
import { createTestStigg } from 'react-stigg/testing'

interface Frame {
  customerId: string | null
  usage: number | null
  isLoading: boolean
}

function Spy({ frames }: { frames: Frame[] }) {
  const { customerId } = useStigg()
  const { entitlement, isLoading } = useEntitlement('feature-api-calls')
  frames.push({ customerId, usage: entitlement?.currentUsage ?? null, isLoading })
  return <p>{entitlement ? `${customerId}: ${entitlement.currentUsage}` : isLoading ? 'loading' : 'nothing'}</p>
}

// Seeded usage: customer-pro 9,300 API calls, customer-free 120.
const usageOf: Record<string, number> = { 'customer-pro': 9300, 'customer-free': 120 }

describe('customer switch and sign-out', () => {
  it("never shows the previous customer's data, not for one render", async () => {
    const stigg = createTestStigg()
    const frames: Frame[] = []
    const view = render(<stigg.Provider customerId="customer-pro"><Spy frames={frames} /></stigg.Provider>)
    expect(await screen.findByText('customer-pro: 9300')).toBeInTheDocument()

    view.rerender(<stigg.Provider customerId="customer-free"><Spy frames={frames} /></stigg.Provider>)
    expect(await screen.findByText('customer-free: 120')).toBeInTheDocument()

    view.rerender(<stigg.Provider customerId={null}><Spy frames={frames} /></stigg.Provider>)
    expect(await screen.findByText('nothing')).toBeInTheDocument()

    for (const frame of frames) {
      if (frame.usage !== null) expect(frame.usage).toBe(usageOf[frame.customerId ?? ''])
      if (frame.customerId === null) expect(frame).toEqual({ customerId: null, usage: null, isLoading: false })
    }
    expect(frames.some((f) => f.customerId === 'customer-free' && f.isLoading)).toBe(true)
    // Signed out: nothing of any customer stays cached (only the idle, empty entry of the null customer).
    const left = stigg.queryClient.getQueryCache().findAll({ queryKey: ['stigg'] })
    expect(left.map((q) => [q.queryKey[1], q.state.data])).toEqual([[null, undefined]])
  })

  it('drops the old customer\'s cached entries on switch', async () => {
    const stigg = createTestStigg()
    const frames: Frame[] = []
    const view = render(<stigg.Provider customerId="customer-pro"><Spy frames={frames} /></stigg.Provider>)
    await screen.findByText('customer-pro: 9300')
    view.rerender(<stigg.Provider customerId="customer-free"><Spy frames={frames} /></stigg.Provider>)
    await screen.findByText('customer-free: 120')
    const customers = stigg.queryClient.getQueryCache().findAll({ queryKey: ['stigg'] }).map((q) => q.queryKey[1])
    expect(new Set(customers)).toEqual(new Set(['customer-free']))
  })

  it('discards a response still in flight for the old customer', async () => {
    const emulator = createEmulator()
    let releasePro: () => void = () => undefined
    const proHeld = new Promise<void>((resolve) => (releasePro = resolve))
    const requested: string[] = []
    const heldFetch: typeof fetch = async (input, init) => {
      const request = new Request(input, init)
      const { variables } = (await request.clone().json()) as { variables: { customerId: string } }
      requested.push(variables.customerId)
      const response = await emulator.fetch(request)
      if (variables.customerId === 'customer-pro') await proHeld
      return response
    }
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } })
    const frames: Frame[] = []
    const tree = (customerId: string | null) => (
      <StiggProvider url="http://stigg.test/graphql" customerId={customerId} queryClient={queryClient} fetch={heldFetch} headers={{ 'x-api-key': emulator.apiKey }}>
        <Spy frames={frames} />
      </StiggProvider>
    )
    const view = render(tree('customer-pro'))
    await waitFor(() => expect(requested).toEqual(['customer-pro']))
    view.rerender(tree('customer-free'))
    expect(await screen.findByText('customer-free: 120')).toBeInTheDocument()

    await act(async () => {
      releasePro()
      await new Promise((resolve) => setTimeout(resolve, 20))
    })
    expect(screen.getByText('customer-free: 120')).toBeInTheDocument()
    expect(frames.every((f) => f.usage !== 9300)).toBe(true)
    expect(queryClient.getQueryCache().findAll({ queryKey: ['stigg', 'customer-pro'] })).toHaveLength(0)
  })
})
