import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  createEmulator,
  EmulatorDataFileError,
  startEmulator,
  type EmulatorState,
  type EmulatorStorage,
  type RunningEmulator,
} from 'react-stigg/emulator'

let directory: string
let file: string
const open: RunningEmulator[] = []
beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'stigg-emulator-'))
  file = join(directory, 'state.json')
})
afterEach(async () => {
  await Promise.all(open.splice(0).map((running) => running.close()))
  await rm(directory, { recursive: true, force: true })
})

async function start(): Promise<RunningEmulator> {
  const running = await startEmulator({ apiKey: 'disk-key', dataFile: file })
  open.push(running)
  return running
}

async function report(url: string, input: Record<string, unknown>) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': 'disk-key' },
    body: JSON.stringify({
      query: 'mutation R($input: ReportUsageInput!) { reportUsage(input: $input) { id currentUsage } }',
      variables: { input },
    }),
  })
  return ((await response.json()) as { data: { reportUsage: { id: string; currentUsage: number } } }).data.reportUsage
}

const readState = async () => JSON.parse(await readFile(file, 'utf8')) as EmulatorState

describe('durable state (dataFile)', () => {
  it('has every acknowledged report on disk before the answer arrives', async () => {
    const running = await start()
    const answer = await report(running.url, { customerId: 'customer-free', featureId: 'feature-api-calls', value: 80 })
    expect(answer.currentUsage).toBe(200)
    expect((await readState()).customers['customer-free']?.usage['feature-api-calls']?.value).toBe(200)
  })

  it('keeps usage, customers, admin changes and idempotency records across a restart', async () => {
    const first = await start()
    const input = { customerId: 'customer-pro', featureId: 'feature-api-calls', value: 50, idempotencyKey: 'restart-1' }
    const answer = await report(first.url, input)
    first.emulator.admin.addCustomer({ customerId: 'c-disk', planId: 'plan-enterprise', usage: { 'feature-seats': 42 } })
    await first.close()

    const second = await start()
    expect(second.emulator.admin.getUsage('customer-pro', 'feature-api-calls')).toBe(9350)
    expect(second.emulator.admin.getUsage('c-disk', 'feature-seats')).toBe(42)
    // The repeated key still answers the original result and applies nothing.
    expect(await report(second.url, input)).toEqual(answer)
    expect(second.emulator.admin.getUsage('customer-pro', 'feature-api-calls')).toBe(9350)
  })

  it('sums 500 concurrent reports exactly, on disk too, and leaves no temp files', { timeout: 30_000 }, async () => {
    const running = await start()
    await Promise.all(
      Array.from({ length: 500 }, () => report(running.url, { customerId: 'customer-enterprise', featureId: 'feature-api-calls', value: 2 })),
    )
    expect((await readState()).customers['customer-enterprise']?.usage['feature-api-calls']?.value).toBe(251000)
    expect(await readdir(directory)).toEqual(['state.json'])
  })

  it('refuses to start on a torn file, naming it, and leaves it untouched', async () => {
    const torn = '{"version":1,"clockOffsetMs":0,"customers":{"customer-free":{"id":"custo'
    await writeFile(file, torn)
    const failure = await startEmulator({ dataFile: file }).catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(EmulatorDataFileError)
    expect((failure as Error).message).toContain(`Emulator data file ${file} is corrupt: not valid JSON`)
    expect(await readFile(file, 'utf8')).toBe(torn)
  })

  it('refuses JSON that is not emulator state', async () => {
    await writeFile(file, '{"hello":"world"}')
    await expect(startEmulator({ dataFile: file })).rejects.toThrow('is not emulator state (expected "version": 1)')
  })

  it('refuses state that names a plan the catalog lacks', async () => {
    const first = await start()
    await first.close()
    const catalog = {
      features: [{ id: 'feature-api-calls', displayName: 'API calls', type: 'metered' as const }],
      plans: [{ id: 'plan-basic', name: 'Basic', limits: { 'feature-api-calls': 5 } }],
      defaultPlanId: 'plan-basic',
    }
    await expect(startEmulator({ dataFile: file, catalog })).rejects.toThrow(/on plan "plan-\w+", which the catalog lacks/)
  })
})

describe('group commit', () => {
  it('covers many concurrent mutations with few saves, each answered only after a save that includes it', { timeout: 30_000 }, async () => {
    const saved: EmulatorState[] = []
    let pendingSaves = 0
    const storage: EmulatorStorage = {
      load: async () => null,
      async save(state) {
        pendingSaves++
        await new Promise((resolve) => setTimeout(resolve, 5))
        saved.push(state)
        pendingSaves--
      },
    }
    const emulator = createEmulator({ apiKey: 'k', storage })
    await emulator.ready
    const initialSaves = saved.length
    const answers = await Promise.all(
      Array.from({ length: 500 }, async () => {
        const response = await emulator.fetch(
          new Request('http://emulator/graphql', {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-api-key': 'k' },
            body: JSON.stringify({
              query: 'mutation { reportUsage(input: { customerId: "customer-free", featureId: "feature-seats", value: 1 }) { currentUsage } }',
            }),
          }),
        )
        const value = ((await response.json()) as any).data.reportUsage.currentUsage as number
        // When this answer arrives, some finished save already holds this value.
        const durable = saved.some((state) => (state.customers['customer-free']?.usage['feature-seats']?.value ?? 0) >= value)
        return { value, durable }
      }),
    )
    expect(answers.every((answer) => answer.durable)).toBe(true)
    expect(saved.at(-1)?.customers['customer-free']?.usage['feature-seats']?.value).toBe(501)
    expect(saved.length - initialSaves).toBeLessThan(50)
    expect(pendingSaves).toBe(0)
  })
})
