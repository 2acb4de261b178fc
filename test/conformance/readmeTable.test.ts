import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { browserSdkCases } from './browserSdkCases'
import { renderMethodTable } from './methodTable'
import { nodeSdkCases } from './nodeSdkCases'

/** README's SDK-method table, as the conformance cases render it. */
const methodTable = renderMethodTable([...nodeSdkCases, ...browserSdkCases].map(({ sdk, method, scenario, result }) => ({ sdk, method, scenario, result })))

describe('README: "The emulator as a local Stigg for your backend"', () => {
  // Each row's result is what nodeSdk.test.ts / browserSdk.test.tsx assert the SDK answered.
  it('carries the SDK-method table exactly as the conformance cases render it', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')
    expect(readme.includes(methodTable), 'README.md table is out of date: paste the output of `npx tsx test/conformance/printMethodTable.ts`').toBe(true)
  })
})
