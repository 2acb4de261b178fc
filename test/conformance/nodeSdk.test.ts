import { Stigg } from '@stigg/node-server-sdk'
import { startEmulator, type RunningEmulator } from 'react-stigg/emulator'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { nodeSdkCases } from './nodeSdkCases'

let running: RunningEmulator

beforeAll(async () => {
  running = await startEmulator({ apiKey: 'conformance-key' })
})

afterAll(async () => {
  await running.close()
})

// Stigg's own Node SDK, unchanged, pointed at the emulator the way README says.
describe('@stigg/node-server-sdk against the emulator', () => {
  for (const row of nodeSdkCases) {
    it(`${row.method}: ${row.scenario}`, async () => {
      running.emulator.admin.reset()
      const stigg = Stigg.initialize({
        apiKey: 'conformance-key',
        baseUri: running.hostedUrl.replace(/\/graphql$/, ''),
        enableEdge: false,
        realtimeUpdatesEnabled: false,
      })
      try {
        await stigg.waitForInitialization()
        expect(await row.run({ stigg, admin: running.emulator.admin })).toBe(row.result)
      } finally {
        stigg.close()
      }
    })
  }

  it('start-up reads the SDK configuration from the emulator', async () => {
    running.emulator.admin.clearRequests()
    const stigg = Stigg.initialize({ apiKey: 'conformance-key', baseUri: running.hostedUrl.replace(/\/graphql$/, ''), enableEdge: false, realtimeUpdatesEnabled: false })
    await stigg.waitForInitialization()
    stigg.close()
    expect(running.emulator.requests.some((request) => request.operationName === 'GetSdkConfiguration')).toBe(true)
  })
})
