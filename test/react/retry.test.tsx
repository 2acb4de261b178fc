import { QueryClient } from '@tanstack/react-query'
import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { StiggProvider, useEntitlement } from 'react-stigg'
import { createEmulator } from 'react-stigg/emulator'

function Gate() {
  const { hasAccess, isLoading, error } = useEntitlement('feature-api-calls')
  return <p>{isLoading ? 'loading' : error ? `error ${error.code}` : hasAccess ? 'on' : 'off'}</p>
}

/** Answers the first `failures` requests with `status`, then passes to the emulator. */
function failing(status: number, failures: number, headers: Record<string, string> = {}) {
  const emulator = createEmulator()
  let calls = 0
  const fetchFn: typeof fetch = async (input, init) => {
    calls++
    if (calls <= failures) {
      const body = JSON.stringify({ errors: [{ message: `status ${status}`, extensions: { code: `TEST_${status}` } }] })
      return new Response(body, { status, headers: { 'content-type': 'application/json', ...headers } })
    }
    return emulator.fetch(new Request(input, init))
  }
  // Retries stay on: this QueryClient has no `retry: false`.
  const queryClient = new QueryClient()
  render(
    <StiggProvider url="http://stigg.test/graphql" customerId="customer-pro" queryClient={queryClient} fetch={fetchFn} headers={{ 'x-api-key': emulator.apiKey }}>
      <Gate />
    </StiggProvider>,
  )
  return { calls: () => calls }
}

describe('retry policy in the hooks', () => {
  it.each([400, 403])('does not retry a %i', async (status) => {
    const { calls } = failing(status, 10)
    expect(await screen.findByText(`error TEST_${status}`)).toBeInTheDocument()
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(calls()).toBe(1)
  })

  it.each([503, 429])('retries a %i, honouring Retry-After', async (status) => {
    // Retry-After: 0 instead of the 1 s + 2 s default backoff.
    const { calls } = failing(status, 2, { 'retry-after': '0' })
    expect(await screen.findByText('on')).toBeInTheDocument()
    expect(calls()).toBe(3)
  })

  it('gives up after 3 retries', async () => {
    const { calls } = failing(503, 10, { 'retry-after': '0' })
    expect(await screen.findByText('error TEST_503')).toBeInTheDocument()
    expect(calls()).toBe(4)
  })
})
