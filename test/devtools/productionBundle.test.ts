// An app that renders <StiggDevtools /> and is built for production carries none of the panel's code.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build as esbuild } from 'esbuild'
import { build as viteBuild, type Rollup } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const src = fileURLToPath(new URL('../../src/', import.meta.url))
const externals = ['react', 'react-dom', 'react/jsx-runtime', 'react/jsx-dev-runtime', 'react-dom/client', '@tanstack/react-query', '@tanstack/query-core']
// Strings only the panel has: its toggle label, its storage key, its controls' heading.
const panelMarkers = ['Stigg devtools', 'react-stigg-devtools-open', 'Drive the emulator']

let dir: string
let entry: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'react-stigg-devtools-bundle-'))
  entry = join(dir, 'app.tsx')
  await writeFile(
    entry,
    `import { StiggProvider } from 'react-stigg'
import { StiggDevtools } from 'react-stigg/devtools'
import { createRoot } from 'react-dom/client'
createRoot(document.body).render(<StiggProvider url="/api/stigg" customerId="c"><StiggDevtools /></StiggProvider>)
`,
  )
})
afterAll(() => rm(dir, { recursive: true, force: true }))

const alias = { 'react-stigg/devtools': `${src}devtools.ts`, 'react-stigg': `${src}index.ts` }

async function withEsbuild(nodeEnv: string) {
  const result = await esbuild({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    minify: true,
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': JSON.stringify(nodeEnv) },
    alias,
    external: externals,
    write: false,
    metafile: true,
    logLevel: 'silent',
  })
  const inputs = Object.entries(Object.values(result.metafile.outputs)[0]!.inputs)
    .filter(([, input]) => input.bytesInOutput > 0)
    .map(([path]) => path.replace(/^.*?src\//, 'src/'))
  return { code: result.outputFiles.map((file) => file.text).join('\n'), inputs }
}

async function withVite(mode: 'production' | 'development') {
  const output = (await viteBuild({
    configFile: false,
    logLevel: 'silent',
    mode,
    root: dir,
    resolve: { alias },
    define: { 'process.env.NODE_ENV': JSON.stringify(mode) },
    build: { write: false, minify: mode === 'production', rollupOptions: { input: entry, external: externals } },
  })) as Rollup.RollupOutput | Rollup.RollupOutput[]
  return (Array.isArray(output) ? output : [output]).flatMap((out) => out.output).map((chunk) => (chunk.type === 'chunk' ? chunk.code : '')).join('\n')
}

describe('react-stigg/devtools in a production bundle', () => {
  it('esbuild, production: no file of src/devtools/ and none of the panel\'s strings', async () => {
    const production = await withEsbuild('production')
    expect(production.inputs.filter((input) => input.startsWith('src/devtools/'))).toEqual([])
    for (const marker of panelMarkers) expect(production.code).not.toContain(marker)
  })

  it('esbuild, development: the panel is there (so the check above can fail)', async () => {
    const development = await withEsbuild('development')
    expect(development.inputs).toEqual(expect.arrayContaining(['src/devtools/StiggDevtoolsPanel.tsx', 'src/devtools/DevtoolsControls.tsx']))
    for (const marker of panelMarkers) expect(development.code).toContain(marker)
  })

  it('vite build: the panel is in the development build and absent from the production one', async () => {
    const [production, development] = [await withVite('production'), await withVite('development')]
    for (const marker of panelMarkers) {
      expect(development).toContain(marker)
      expect(production).not.toContain(marker)
    }
  }, 60_000)
})
