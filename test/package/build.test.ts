import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'

// What a user installs: `npm run build`'s dist/ as the package's exports map names it.
const root = fileURLToPath(new URL('../../', import.meta.url))
const at = (path: string) => `${root}${path.replace(/^\.\//, '')}`
const pkg = JSON.parse(readFileSync(at('package.json'), 'utf8')) as {
  exports: Record<string, string | { types: string; import: string }>
  bin: Record<string, string>
  files: string[]
}
const codeEntries = Object.entries(pkg.exports).filter(
  (entry): entry is [string, { types: string; import: string }] => typeof entry[1] === 'object',
)

describe('the built package', () => {
  beforeAll(() => {
    execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'pipe' })
  }, 120_000)

  it('names the four entry points with types first, and every file exists', () => {
    expect(codeEntries.map(([name]) => name)).toEqual(['.', './server', './emulator', './testing'])
    for (const [, target] of codeEntries) {
      expect(Object.keys(target)[0]).toBe('types')
      expect(existsSync(at(target.types)), target.types).toBe(true)
      expect(existsSync(at(target.import)), target.import).toBe(true)
    }
    expect(existsSync(at(pkg.exports['./styles.css'] as string))).toBe(true)
  })

  it("keeps 'use client' first in the browser entries and a shebang on the bin", () => {
    for (const entry of ['dist/index.js', 'dist/testing.js']) {
      expect(readFileSync(at(entry), 'utf8').startsWith('"use client";')).toBe(true)
    }
    expect(readFileSync(at('dist/server.js'), 'utf8')).not.toContain('use client')
    const bin = Object.values(pkg.bin)[0] as string
    expect(readFileSync(at(bin), 'utf8').startsWith('#!/usr/bin/env node')).toBe(true)
  })

  it('ships the stylesheet with its CSS variables', () => {
    const css = readFileSync(at('dist/styles.css'), 'utf8')
    expect(css).toContain('--stigg-meter-fill')
    expect(css).toContain('prefers-reduced-motion')
  })

  it('loads every entry in Node and exposes the documented names', async () => {
    const load = (path: string) => import(pathToFileURL(at(path)).href) as Promise<Record<string, unknown>>
    const [main, server, emulator, testing] = await Promise.all(codeEntries.map(([, target]) => load(target.import)))
    expect(Object.keys(main!)).toEqual(
      expect.arrayContaining(['StiggProvider', 'useEntitlement', 'FeatureGate', 'UsageMeter', 'stiggKeys', 'StiggError']),
    )
    expect(Object.keys(server!)).toEqual(expect.arrayContaining(['createStiggProxy', 'toNodeHandler', 'stiggDevPlugin']))
    expect(Object.keys(emulator!)).toEqual(expect.arrayContaining(['createEmulator', 'startEmulator']))
    expect(Object.keys(testing!)).toEqual(expect.arrayContaining(['StiggTestProvider', 'createTestStigg']))
  })

  it('packs dist with declarations and nothing from src or test', () => {
    const [packed] = JSON.parse(
      execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' }),
    ) as [{ files: { path: string }[] }]
    const paths = packed.files.map((file) => file.path)
    expect(paths).toEqual(expect.arrayContaining(['dist/index.d.ts', 'dist/server.d.ts', 'dist/styles.css', 'package.json']))
    expect(paths.filter((path) => /^(src|test|stories|demo|bench)\//.test(path))).toEqual([])
  })
})
