import StiggModule from '@stigg/js-client-sdk'
import { startEmulator, type RunningEmulator } from 'react-stigg/emulator'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { browserSdkCases } from './browserSdkCases'

// The browser SDK is a webpack CommonJS bundle: its `Stigg` is the default export's own `default`.
const Stigg = ((StiggModule as unknown as { default?: typeof StiggModule }).default ?? StiggModule) as typeof StiggModule

let running: RunningEmulator

beforeAll(async () => {
  running = await startEmulator({ apiKey: 'conformance-client-key' })
})

afterAll(async () => {
  await running.close()
})

// Stigg's browser SDK, unchanged, in jsdom (it needs `window`), pointed at the emulator's hosted route.
describe('@stigg/js-client-sdk against the emulator', () => {
  for (const row of browserSdkCases) {
    it(`${row.method}: ${row.scenario}`, async () => {
      running.emulator.admin.reset()
      const stigg = Stigg.initialize({
        apiKey: 'conformance-client-key',
        baseUri: running.hostedUrl.replace(/\/graphql$/, ''),
        enableEdge: false,
        useEntitlementPolling: false,
        customerId: row.customerId,
        logConfiguration: { logLevel: 'ERROR' as never, logger: console },
      })
      await stigg.waitForInitialization()
      expect(await row.run({ stigg })).toBe(row.result)
    })
  }
})
