import { describe, expect, it } from 'vitest'
import { measureApp, measureOwnCode } from '../../bench/bundle'

const budgetBytes = 6 * 1024

describe('bundle size budget', () => {
  it('keeps our own code, every dependency external, within 6 KB gzip', async () => {
    const { gzip, topInputs } = await measureOwnCode()
    // The screen must really contain our provider, hooks and components, or a tiny number means nothing.
    const ours = topInputs.map((input) => input.path)
    expect(ours).toEqual(expect.arrayContaining(['src/react', 'src/components', 'src/core']))
    expect(
      gzip,
      `our code for StiggProvider + useEntitlement + FeatureGate + UsageMeter is ${(gzip / 1024).toFixed(2)} KB gzip, over the 6 KB budget (DESIGN.md); largest parts: ${topInputs
        .map((input) => `${input.path} ${input.bytes} B`)
        .join(', ')}. Shrink the code or move work out of the browser entry; do not raise the budget.`,
    ).toBeLessThanOrEqual(budgetBytes)
  })

  it('ships no GraphQL library to the browser: the app bundle holds TanStack Query and our code only', async () => {
    const { packages } = await measureApp()
    // The client speaks GraphQL over HTTP with fetch; graphql-js belongs to the proxy and the emulator.
    expect(packages).not.toContain('graphql')
    expect(packages).not.toContain('graphql-request')
    expect(packages).toEqual(['@tanstack/query-core', '@tanstack/react-query'])
  })
})
