import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

const KEY = 'durability-key'
const CUSTOMER = 'customer-enterprise'
const FEATURE = 'feature-api-calls'
const REPORTS = 600
const CONCURRENCY = 40
const KILL_AFTER_ACKS = 150

const dir = mkdtempSync(join(tmpdir(), 'react-stigg-durability-'))
const dataFile = join(dir, 'stigg.json')
const children: ChildProcess[] = []

afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
  rmSync(dir, { recursive: true, force: true })
})

/** The bin in one process (`node --import tsx`, not the tsx wrapper, which would outlive a SIGKILL in a child). */
function startBin(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/bin/emulator.ts', '--port', '0', '--api-key', KEY, '--data', dataFile], {
    cwd: new URL('../..', import.meta.url).pathname,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  children.push(child)
  return new Promise((resolve, reject) => {
    let output = ''
    const onData = (part: Buffer) => {
      output += part.toString()
      const match = /listening on (http:\/\/\S+)/.exec(output)
      if (match?.[1] !== undefined) resolve({ child, url: match[1] })
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', (part: Buffer) => (output += part.toString()))
    child.on('exit', (code) => reject(new Error(`emulator bin exited (${code}) before listening:\n${output}`)))
  })
}

async function post(url: string, query: string, variables: Record<string, unknown>): Promise<{ data?: Record<string, { currentUsage: number }> }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': KEY },
    body: JSON.stringify({ query, variables }),
  })
  if (response.status !== 200) throw new Error(`emulator answered ${response.status}`)
  return (await response.json()) as { data?: Record<string, { currentUsage: number }> }
}

const usageQuery = `query U($c: String!, $f: String!) { e: customerEntitlement(customerId: $c, featureId: $f) { currentUsage } }`
const reportMutation = `mutation R($input: ReportUsageInput!) { r: reportUsage(input: $input) { currentUsage } }`

async function usage(url: string): Promise<number> {
  const body = await post(url, usageQuery, { c: CUSTOMER, f: FEATURE })
  const value = body.data?.e?.currentUsage
  if (typeof value !== 'number') throw new Error(`no usage in ${JSON.stringify(body)}`)
  return value
}

describe('durability of the emulator data file', () => {
  it('SIGKILL during a storm of reports loses no acknowledged report, and the file stays readable', async () => {
    const first = await startBin()
    const before = await usage(first.url)

    let acked = 0
    let ackedSum = 0
    let sentSum = 0
    const ackedReports: Array<{ idempotencyKey: string; value: number }> = []
    let next = 0
    const exited = new Promise<void>((resolve) => first.child.once('exit', () => resolve()))
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < REPORTS && first.child.exitCode === null && first.child.signalCode === null) {
          const i = next++
          const value = (i % 5) + 1
          const idempotencyKey = `storm-${i}`
          sentSum += value
          try {
            const body = await post(first.url, reportMutation, { input: { customerId: CUSTOMER, featureId: FEATURE, value, idempotencyKey } })
            if (body.data?.r === undefined) continue
            acked++
            ackedSum += value
            ackedReports.push({ idempotencyKey, value })
            if (acked === KILL_AFTER_ACKS) first.child.kill('SIGKILL')
          } catch {
            // In flight when the process died: sent, maybe applied, never acknowledged.
          }
        }
      }),
    )
    await exited
    expect(first.child.signalCode).toBe('SIGKILL')
    expect(acked).toBeGreaterThanOrEqual(KILL_AFTER_ACKS)
    expect(sentSum).toBeGreaterThan(ackedSum)

    // Readable as it was left: complete JSON, not a torn write.
    expect(() => JSON.parse(readFileSync(dataFile, 'utf8'))).not.toThrow()

    const second = await startBin()
    const applied = (await usage(second.url)) - before
    expect(applied).toBeGreaterThanOrEqual(ackedSum)
    expect(applied).toBeLessThanOrEqual(sentSum)

    // Each acknowledged report is on disk by itself, not only in the sum: replaying every one of
    // them (same idempotency key) is recognised as already applied and changes nothing.
    for (const report of ackedReports) {
      const replay = await post(second.url, reportMutation, { input: { customerId: CUSTOMER, featureId: FEATURE, ...report } })
      expect(replay.data?.r).toBeDefined()
    }
    expect((await usage(second.url)) - before).toBe(applied)
    // And the check can fail: a report the file has never seen does count.
    await post(second.url, reportMutation, { input: { customerId: CUSTOMER, featureId: FEATURE, value: 7, idempotencyKey: 'after-restart' } })
    expect((await usage(second.url)) - before).toBe(applied + 7)

    second.child.kill('SIGTERM')
    await new Promise<void>((resolve) => second.child.once('exit', () => resolve()))
  }, 60_000)
})
