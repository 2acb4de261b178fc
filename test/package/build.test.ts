import { execFileSync } from 'node:child_process'
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

// What a user installs: the packed tarball, unpacked where Node resolves its dependencies
// (react, graphql, …) from this repository's node_modules.
const root = fileURLToPath(new URL('../../', import.meta.url))
const app = `${root}test/.tmp/build-test/`
const installed = `${app}node_modules/react-stigg/`
const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as {
  exports: Record<string, string | { types: string; default: string }>
  bin: Record<string, string>
}
const codeEntries = Object.entries(pkg.exports).filter(
  (entry): entry is [string, { types: string; default: string }] => typeof entry[1] === 'object',
)
const specifier = (subpath: string) => `react-stigg${subpath.slice(1)}`

let files: string[] = []

beforeAll(() => {
  rmSync(app, { recursive: true, force: true })
  mkdirSync(installed, { recursive: true })
  execFileSync('tar', ['xzf', inject('packageTarball'), '-C', installed, '--strip-components=1'])
  files = readdirSync(installed, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(installed, join(entry.parentPath, entry.name)))
    .sort()
})
afterAll(() => rmSync(app, { recursive: true, force: true }))

describe('the packed package', () => {
  it('exports every top-level src/*.ts as an entry with types first and a default condition', () => {
    const sources = readdirSync(`${root}src`).filter((file) => /^[^/]+\.ts$/.test(file))
    const names = codeEntries.map(([subpath]) => (subpath === '.' ? 'index' : subpath.slice(2)))
    expect(names.sort()).toEqual(sources.map((file) => file.replace(/\.ts$/, '')).sort())
    for (const [subpath, target] of codeEntries) {
      expect(Object.keys(target), subpath).toEqual(['types', 'default'])
      expect(files, subpath).toEqual(expect.arrayContaining([target.types.slice(2), target.default.slice(2)]))
    }
    expect(files).toContain('dist/styles.css')
  })

  it('holds only the build, the README, the LICENSE and package.json: no maps, no stray declarations', () => {
    expect(files.filter((file) => !file.startsWith('dist/'))).toEqual(['LICENSE', 'README.md', 'package.json'])
    expect(files.filter((file) => file.endsWith('.map'))).toEqual([])
    // One rolled-up declaration per entry (plus shared chunks) at the top of dist, none for the bin.
    expect(files.filter((file) => file.endsWith('.d.ts') && file.split('/').length > 2)).toEqual([])
    expect(readFileSync(`${installed}LICENSE`, 'utf8')).toContain('MIT License')
  })

  it("keeps 'use client' first in the browser entries and a shebang on the bin", () => {
    for (const entry of ['dist/index.js', 'dist/testing.js']) {
      expect(readFileSync(`${installed}${entry}`, 'utf8').startsWith('"use client";'), entry).toBe(true)
    }
    for (const entry of ['dist/server.js', 'dist/vite.js', 'dist/emulator.js']) {
      expect(readFileSync(`${installed}${entry}`, 'utf8'), entry).not.toContain('use client')
    }
    for (const bin of Object.values(pkg.bin)) {
      expect(readFileSync(`${installed}${bin}`, 'utf8').startsWith('#!/usr/bin/env node')).toBe(true)
    }
  })

  it('imports only its dependencies, its peers and Node built-ins, and uses every one of them', () => {
    const manifest = JSON.parse(readFileSync(`${installed}package.json`, 'utf8')) as {
      dependencies: Record<string, string>
      peerDependencies: Record<string, string>
      peerDependenciesMeta?: Record<string, { optional?: boolean }>
    }
    // Declarations count: `vite` is a peer for react-stigg/vite's types only.
    const code = files.filter((file) => file.endsWith('.js') || file.endsWith('.d.ts')).map((file) => readFileSync(`${installed}${file}`, 'utf8'))
    const specifiers = new Set(
      code.flatMap((text) => [...text.matchAll(/(?:from|import\(?)\s*["']([^./"'][^"']*)["']/g)].map((match) => match[1]!)),
    )
    const packages = new Set([...specifiers].filter((name) => !name.startsWith('node:')).map((name) => name.match(/^(@[^/]+\/)?[^/]+/)![0]))
    const declared = [...Object.keys(manifest.dependencies), ...Object.keys(manifest.peerDependencies)]
    // Optional peers the package accepts structurally (the app's GraphQLClient, its ioredis client)
    // need not be imported; every other dependency and peer must be, and nothing undeclared may be.
    const optional = Object.entries(manifest.peerDependenciesMeta ?? {}).filter(([, meta]) => meta.optional).map(([name]) => name)
    // Its own name appears in TSDoc examples (`from 'react-stigg/devtools'`); a self-reference is no dependency.
    expect([...packages].filter((name) => name !== 'react-stigg' && !declared.includes(name))).toEqual([])
    expect(declared.filter((name) => !packages.has(name) && !optional.includes(name))).toEqual([])
    // Built for production: the development JSX runtime has no jsxDEV in React's production build.
    expect([...specifiers]).not.toContain('react/jsx-dev-runtime')
  })

  it('ships the stylesheet with its CSS variables', () => {
    const css = readFileSync(`${installed}dist/styles.css`, 'utf8')
    expect(css).toContain('--stigg-meter-fill')
    expect(css).toContain('prefers-reduced-motion')
  })

  it("loads every entry by its package name with import() and with Node's require(esm)", () => {
    const script = `
      const names = ${JSON.stringify(codeEntries.map(([subpath]) => specifier(subpath)))}
      ;(async () => {
        const out = {}
        for (const name of names) out[name] = { imported: Object.keys(await import(name)).sort(), required: Object.keys(require(name)).sort() }
        console.log(JSON.stringify(out))
      })()`
    const loaded = JSON.parse(execFileSync(process.execPath, ['--input-type=commonjs', '-e', script], { cwd: app, encoding: 'utf8' })) as Record<
      string,
      { imported: string[]; required: string[] }
    >
    for (const { imported, required } of Object.values(loaded)) expect(required).toEqual(imported)
    expect(loaded['react-stigg']!.imported).toEqual(
      expect.arrayContaining(['StiggProvider', 'useEntitlement', 'FeatureGate', 'UsageMeter', 'stiggKeys', 'StiggError']),
    )
    expect(loaded['react-stigg/server']!.imported).toEqual(expect.arrayContaining(['createStiggProxy', 'toNodeHandler']))
    expect(loaded['react-stigg/vite']!.imported).toEqual(expect.arrayContaining(['stiggDevPlugin']))
    expect(loaded['react-stigg/emulator']!.imported).toEqual(expect.arrayContaining(['createEmulator', 'startEmulator']))
    expect(loaded['react-stigg/testing']!.imported).toEqual(expect.arrayContaining(['StiggTestProvider', 'createTestStigg']))
  })

  it('links only absolute URLs from the README, so they work on the registry page', () => {
    const readme = readFileSync(`${installed}README.md`, 'utf8')
    const links = [...readme.matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1]!)
    expect(links.length).toBeGreaterThan(0)
    expect(links.filter((link) => !/^https:\/\//.test(link))).toEqual([])
  })
})
