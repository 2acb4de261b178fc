// react-stigg-codegen, run as a user runs it: the bin, real files, real HTTP for --url.
import { spawn } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startEmulator, validateCatalog, type Catalog } from 'react-stigg/emulator'
import ts from 'typescript'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

interface Run {
  code: number | null
  stdout: string
  stderr: string
}

function codegen(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn('node_modules/.bin/tsx', ['src/bin/codegen.ts', ...args], { cwd: process.cwd(), env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'react-stigg-codegen-'))
})
afterAll(() => rm(dir, { recursive: true, force: true }))

const demoCatalog = async (): Promise<Catalog> => validateCatalog(JSON.parse(await readFile('demo/catalog.json', 'utf8')))

/** The property names of a type literal member chain, read back by the TypeScript parser. */
function memberNames(source: string, path: string[]): string[] {
  const file = ts.createSourceFile('stigg.d.ts', source, ts.ScriptTarget.ES2022, true)
  let members: ts.NodeArray<ts.TypeElement> | undefined = file.statements.filter(ts.isInterfaceDeclaration).find((node) => node.name.text === 'StiggCatalog')?.members
  for (const name of path) {
    const member = members?.find((node) => node.name && ts.isPropertySignature(node) && (node.name as ts.Identifier | ts.StringLiteral).text === name) as ts.PropertySignature | undefined
    members = member?.type && ts.isTypeLiteralNode(member.type) ? member.type.members : undefined
  }
  return (members ?? []).map((node) => (node.name as ts.Identifier | ts.StringLiteral).text)
}

describe('react-stigg-codegen --catalog', () => {
  it('keeps demo/src/stigg.d.ts in step with demo/catalog.json (run the generator if this fails)', async () => {
    const run = await codegen(['--catalog', 'demo/catalog.json', '--out', 'demo/src/stigg.d.ts', '--check'])
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
  })

  it('writes every feature with its kind and every plan, registered with react-stigg, the same bytes for any catalog order', async () => {
    const catalog = await demoCatalog()
    const reordered = { ...catalog, features: [...catalog.features].reverse(), plans: [...catalog.plans].reverse() }
    await writeFile(join(dir, 'reordered.json'), JSON.stringify(reordered))
    const first = await codegen(['--catalog', 'demo/catalog.json', '--out', join(dir, 'a.d.ts')])
    expect(first.stdout).toContain(`(${catalog.features.length} features, ${catalog.plans.length} plans)`)
    await codegen(['--catalog', join(dir, 'reordered.json'), '--out', join(dir, 'b.d.ts')])
    const [a, b] = [await readFile(join(dir, 'a.d.ts'), 'utf8'), await readFile(join(dir, 'b.d.ts'), 'utf8')]
    expect(a.split('\n').slice(1)).toEqual(b.split('\n').slice(1)) // only the header's source differs
    expect(memberNames(a, ['features'])).toEqual(catalog.features.map((feature) => feature.id).sort())
    expect(memberNames(a, ['plans'])).toEqual(catalog.plans.map((plan) => plan.id).sort())
    expect(a).toContain('"feature-api-calls": { kind: "metered"; displayName: "API calls"; resetPeriod: "MONTHLY" }')
    expect(a).toContain('"feature-sso": { kind: "boolean"; displayName: "Single sign-on" }')
    expect(a).toContain('"feature-projects": { kind: "numeric"; displayName: "Projects" }')
    expect(a).toContain('declare module "react-stigg" {\n  interface Register {\n    catalog: StiggCatalog\n  }\n}')
  })

  it('quotes ids that are not identifiers and leaves identifiers bare; the result always parses', async () => {
    const ids = ['apiCalls', '2fa', 'with space', 'quote"and\\slash', 'ünï-code', '__proto__', 'a*/b', 'line\u2028sep']
    const catalog: Catalog = {
      features: ids.map((id) => ({ id, displayName: `Name of ${id}`, type: 'boolean' as const })),
      plans: [{ id: 'plan-1', name: 'One "quoted" */ name', limits: Object.fromEntries(ids.map((id) => [id, true])) }],
      defaultPlanId: 'plan-1',
    }
    await writeFile(join(dir, 'odd.json'), JSON.stringify(catalog))
    const run = await codegen(['--catalog', join(dir, 'odd.json'), '--out', join(dir, 'odd.d.ts')])
    expect(run.code).toBe(0)
    const output = await readFile(join(dir, 'odd.d.ts'), 'utf8')
    const parsed = ts.createSourceFile('odd.d.ts', output, ts.ScriptTarget.ES2022, true) as ts.SourceFile & { parseDiagnostics: ts.Diagnostic[] }
    expect(parsed.parseDiagnostics.map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'))).toEqual([])
    expect(memberNames(output, ['features'])).toEqual([...ids].sort())
    expect(output).toContain('\n    apiCalls: {')
    expect(output).toContain('\n    __proto__: {')
    expect(output).toContain('\n    "2fa": {')
  })

  it('exits non-zero naming the file and the field of a catalog validateCatalog refuses, and writes nothing', async () => {
    const bad = { ...(await demoCatalog()), plans: [{ id: 'plan-x', name: 'X', limits: { 'feature-nope': 3 } }], defaultPlanId: 'plan-x' }
    const file = join(dir, 'bad.json')
    await writeFile(file, JSON.stringify(bad))
    const run = await codegen(['--catalog', file, '--out', join(dir, 'never.d.ts')])
    expect(run.code).toBe(1)
    expect(run.stderr).toContain(`--catalog ${file}: Invalid emulator catalog: plans[0].limits.feature-nope: unknown feature`)
    await expect(readFile(join(dir, 'never.d.ts'), 'utf8')).rejects.toThrow('ENOENT')

    await writeFile(join(dir, 'broken.json'), '{ "features": [')
    const broken = await codegen(['--catalog', join(dir, 'broken.json'), '--out', join(dir, 'never.d.ts')])
    expect([broken.code, broken.stderr.includes(`--catalog ${join(dir, 'broken.json')}: not valid JSON`)]).toEqual([1, true])
  })

  it('--check fails on a stale file', async () => {
    await writeFile(join(dir, 'stale.d.ts'), '// old\n')
    const run = await codegen(['--catalog', 'demo/catalog.json', '--out', join(dir, 'stale.d.ts'), '--check'])
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('is stale')
  })
})

describe('react-stigg-codegen --url (live catalog)', () => {
  it('reads hosted Stigg\'s paywall with the server key and writes the same catalog types', async () => {
    const emulator = await startEmulator({ port: 0, host: '127.0.0.1', apiKey: 'codegen-test-key', catalog: await demoCatalog() })
    try {
      const live = await codegen(['--url', emulator.hostedUrl, '--out', join(dir, 'live.d.ts')], { STIGG_API_KEY: 'codegen-test-key' })
      expect(live.stderr).toBe('')
      const fromFile = await codegen(['--catalog', 'demo/catalog.json', '--out', join(dir, 'file.d.ts')])
      expect(fromFile.code).toBe(0)
      const [a, b] = [await readFile(join(dir, 'live.d.ts'), 'utf8'), await readFile(join(dir, 'file.d.ts'), 'utf8')]
      expect(a.split('\n').slice(1)).toEqual(b.split('\n').slice(1))

      const refused = await codegen(['--url', emulator.hostedUrl, '--out', join(dir, 'never.d.ts')], { STIGG_API_KEY: 'wrong-key-123' })
      expect(refused.code).toBe(1)
      expect(refused.stderr).toContain(`--url ${emulator.hostedUrl}: HTTP 401`)
      expect(refused.stderr).not.toContain('wrong-key-123')
    } finally {
      await emulator.close()
    }
  }, 30_000)
})
