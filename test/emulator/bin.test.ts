import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'

const children: ChildProcess[] = []
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL')
})

function run(args: string[]) {
  const child = spawn('node_modules/.bin/tsx', ['src/bin/emulator.ts', ...args], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'] })
  children.push(child)
  let stdout = ''
  let stderr = ''
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  const url = new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', () => {
      const match = /Stigg emulator listening on (http:\/\/\S+\/graphql)/.exec(stdout)
      if (match?.[1]) resolve(match[1])
    })
    child.on('exit', () => reject(new Error(`emulator exited before listening: ${stderr}`)))
  })
  url.catch(() => undefined)
  return { child, url, exited, output: () => ({ stdout, stderr }) }
}

describe('react-stigg-emulator bin', () => {
  it('prints its URL, answers with the given key, and exits 0 on SIGTERM', { timeout: 30_000 }, async () => {
    const emulator = run(['--port', '0', '--api-key', 'bin-key'])
    const url = await emulator.url
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/graphql$/)
    const answer = async (key: string) =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': key },
        body: JSON.stringify({ query: '{ customerEntitlement(customerId: "customer-free", featureId: "feature-api-calls") { currentUsage } }' }),
      })
    const ok = await answer('bin-key')
    expect(await ok.json()).toEqual({ data: { customerEntitlement: { currentUsage: 120 } } })
    expect((await answer('other')).status).toBe(401)
    emulator.child.kill('SIGTERM')
    expect(await emulator.exited).toBe(0)
  })

  it('exits 1 naming the bad entry of an invalid --catalog', { timeout: 30_000 }, async () => {
    const directory = await mkdtemp(join(tmpdir(), 'stigg-catalog-'))
    try {
      const file = join(directory, 'catalog.json')
      await writeFile(
        file,
        JSON.stringify({
          features: [{ id: 'feature-a', displayName: 'A', type: 'metered' }],
          plans: [
            { id: 'plan-1', name: 'One', limits: {} },
            { id: 'plan-2', name: 'Two', limits: { 'feature-x': 5 } },
          ],
          defaultPlanId: 'plan-1',
        }),
      )
      const emulator = run(['--port', '0', '--catalog', file])
      expect(await emulator.exited).toBe(1)
      expect(emulator.output().stderr).toContain(`--catalog ${file}: Invalid emulator catalog: plans[1].limits.feature-x: unknown feature`)
      expect(emulator.output().stdout).not.toContain('listening')
    } finally {
      await rm(directory, { recursive: true, force: true })
    }
  })

  it('exits 1 with usage for bad arguments', { timeout: 30_000 }, async () => {
    const badPort = run(['--port', 'abc'])
    const unknown = run(['--colour', 'red'])
    expect(await badPort.exited).toBe(1)
    expect(badPort.output().stderr).toContain('--port must be an integer from 0 to 65535, got "abc"')
    expect(badPort.output().stderr).toContain('Usage: react-stigg-emulator')
    expect(await unknown.exited).toBe(1)
    expect(unknown.output().stderr).toContain("Unknown option '--colour'")
  })
})
