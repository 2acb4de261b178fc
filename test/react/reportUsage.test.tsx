import { QueryClient } from '@tanstack/react-query'
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { StiggProvider, useEntitlement, useReportUsage, type ReportUsageParams } from 'react-stigg'
import { createEmulator } from 'react-stigg/emulator'

const url = 'http://stigg.test/graphql'
const isReport = (body: string) => body.includes('StiggReportUsage')

function Counter({ value = 1, variables }: { value?: number; variables?: ReportUsageParams }) {
  const { entitlement, hasAccess } = useEntitlement('feature-api-calls')
  const report = useReportUsage()
  const text = entitlement ? `${entitlement.currentUsage}/${entitlement.usageLimit} ${hasAccess ? 'ok' : entitlement.accessDeniedReason}` : 'loading'
  return (
    <>
      <p>{text}</p>
      <p>{report.status}</p>
      <button onClick={() => report.mutate(variables ?? { featureId: 'feature-api-calls', value })}>report</button>
    </>
  )
}

function setup(options: { fetch?: (emulator: ReturnType<typeof createEmulator>) => typeof fetch; retry?: boolean } = {}) {
  const emulator = createEmulator()
  const fetchFn = options.fetch?.(emulator) ?? ((input, init) => emulator.fetch(new Request(input, init)))
  const queryClient = new QueryClient(options.retry ? {} : { defaultOptions: { queries: { retry: false }, mutations: { retry: false } } })
  const Provider = ({ children }: { children: React.ReactNode }) => (
    <StiggProvider url={url} customerId="customer-pro" queryClient={queryClient} fetch={fetchFn} headers={{ 'x-api-key': emulator.apiKey }}>
      {children}
    </StiggProvider>
  )
  return { emulator, queryClient, Provider }
}

describe('useReportUsage', () => {
  it('updates currentUsage optimistically, then takes the server value', async () => {
    let release: () => void = () => undefined
    const held = new Promise<void>((resolve) => (release = resolve))
    const { emulator, Provider } = setup({
      fetch: (emulator) => async (input, init) => {
        const request = new Request(input, init)
        const response = await emulator.fetch(request.clone())
        if (isReport(await request.text())) await held
        return response
      },
    })
    render(<Provider><Counter value={500} /></Provider>)
    await screen.findByText('9300/10000 ok')
    fireEvent.click(screen.getByText('report'))
    // Before the server answered: 9,800 shown; the emulator already counted it.
    expect(await screen.findByText('9800/10000 ok')).toBeInTheDocument()
    expect(screen.getByText('pending')).toBeInTheDocument()
    emulator.admin.setUsage('customer-pro', 'feature-api-calls', 9900)
    await act(async () => release())
    expect(await screen.findByText('9900/10000 ok')).toBeInTheDocument()
    expect(screen.getByText('success')).toBeInTheDocument()
  })

  it('denies optimistically once the limit is reached', async () => {
    let release: () => void = () => undefined
    const held = new Promise<void>((resolve) => (release = resolve))
    const { Provider } = setup({
      fetch: (emulator) => async (input, init) => {
        const request = new Request(input, init)
        if (isReport(await request.clone().text())) await held
        return emulator.fetch(request)
      },
    })
    render(<Provider><Counter value={700} /></Provider>)
    await screen.findByText('9300/10000 ok')
    fireEvent.click(screen.getByText('report'))
    expect(await screen.findByText('10000/10000 RequestedUsageExceedingLimit')).toBeInTheDocument()
    await act(async () => release())
    await screen.findByText('success')
    expect(screen.getByText('10000/10000 RequestedUsageExceedingLimit')).toBeInTheDocument()
  })

  it('rolls back when the report fails', async () => {
    let release: () => void = () => undefined
    const held = new Promise<void>((resolve) => (release = resolve))
    const { emulator, Provider } = setup({
      fetch: (emulator) => async (input, init) => {
        const request = new Request(input, init)
        if (!isReport(await request.clone().text())) return emulator.fetch(request)
        await held
        return new Response('{"errors":[{"message":"no"}]}', { status: 400, headers: { 'content-type': 'application/json' } })
      },
    })
    render(<Provider><Counter value={5} /></Provider>)
    await screen.findByText('9300/10000 ok')
    fireEvent.click(screen.getByText('report'))
    expect(await screen.findByText('9305/10000 ok')).toBeInTheDocument()
    await act(async () => release())
    expect(await screen.findByText('error')).toBeInTheDocument()
    expect(screen.getByText('9300/10000 ok')).toBeInTheDocument()
    expect(emulator.admin.getUsage('customer-pro', 'feature-api-calls')).toBe(9300)
  })

  it('counts a report once when its response is lost and the retry repeats it', async () => {
    let dropped = 0
    const keys: string[] = []
    const { emulator, Provider } = setup({
      retry: true,
      fetch: (emulator) => async (input, init) => {
        const request = new Request(input, init)
        const body = await request.clone().text()
        const response = await emulator.fetch(request)
        if (isReport(body)) {
          keys.push((JSON.parse(body) as { variables: { input: { idempotencyKey: string } } }).variables.input.idempotencyKey)
          if (dropped++ === 0) throw new TypeError('connection reset after the server applied the report')
        }
        return response
      },
    })
    render(<Provider><Counter value={7} /></Provider>)
    await screen.findByText('9300/10000 ok')
    fireEvent.click(screen.getByText('report'))
    // The first retry waits the 1 s backoff.
    expect(await screen.findByText('success', undefined, { timeout: 3000 })).toBeInTheDocument()
    expect(keys).toHaveLength(2)
    expect(keys[0]).toBe(keys[1])
    expect(emulator.admin.getUsage('customer-pro', 'feature-api-calls')).toBe(9307)
    await screen.findByText('9307/10000 ok')
  })

  it('gives two reports with the same variables object their own keys', async () => {
    const { emulator, Provider } = setup()
    const same = { featureId: 'feature-api-calls', value: 1 }
    render(<Provider><Counter variables={same} /></Provider>)
    await screen.findByText('9300/10000 ok')
    fireEvent.click(screen.getByText('report'))
    await waitFor(() => expect(emulator.admin.getUsage('customer-pro', 'feature-api-calls')).toBe(9301))
    fireEvent.click(screen.getByText('report'))
    await waitFor(() => expect(emulator.admin.getUsage('customer-pro', 'feature-api-calls')).toBe(9302))
  })
})
