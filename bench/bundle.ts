import { mkdir, writeFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { build, type BuildOptions } from 'esbuild'

const root = fileURLToPath(new URL('..', import.meta.url))
const tmpDir = join(root, 'bench', '.tmp', 'bundle')

/** The peers every app already ships; both apps leave them out the same way. */
const reactExternals = ['react', 'react-dom', 'react/jsx-runtime', 'react-dom/client']

/**
 * Our own code alone: every dependency stays external, so only src/ (and the app's few lines)
 * is counted. The browser entry imports no GraphQL library; `graphql` is listed so that a
 * regression shows up as a package in the full app's `packages`, not as a jump in this figure.
 */
const ownCodeExternals = [...reactExternals, '@tanstack/*', 'graphql']

export interface BundleSize {
  /** Minified bytes of all output files. */
  minified: number
  /** The same, gzip level 9. */
  gzip: number
  /** The heaviest inputs by bytes in the minified output, for reading where size comes from. */
  topInputs: Array<{ path: string; bytes: number }>
  /** Every npm package with bytes in the output, e.g. to check that no GraphQL library ships. */
  packages: string[]
  /** The output itself, e.g. to check which GraphQL documents ship. */
  code: string
}

export interface BundleFigures {
  oursGzip: number
  oursOwnGzip: number
  stiggGzip: number
  /** stiggGzip / oursGzip. */
  ratio: number
  oursMinified: number
  oursOwnMinified: number
  stiggMinified: number
  oursTopInputs: BundleSize['topInputs']
  stiggTopInputs: BundleSize['topInputs']
  /** What Paywall + usePlans + useAwaitEntitlement add to our own code (gzip), when an app imports them. */
  paywallMarginalGzip: number
  /** The whole app (deps included) when it passes its own graphql-request GraphQLClient (`client`). */
  withGraphQLClientGzip: number
}

/**
 * Bundles one app exactly as a production build would (minified ESM, browser, production
 * `NODE_ENV`) and measures it. Every app in the benchmark goes through these same settings;
 * only `external` differs, and only to isolate our own code.
 */
export async function bundleApp(entry: string, external: string[] = reactExternals): Promise<BundleSize> {
  const name = basename(entry).replace(/\.[^.]+$/, '') + (external === reactExternals ? '' : '-own')
  const options: BuildOptions = {
    absWorkingDir: root,
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    legalComments: 'none',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    alias: { 'react-stigg': join(root, 'src', 'index.ts') },
    external,
    outdir: join(tmpDir, name),
    write: false,
    metafile: true,
    logLevel: 'silent',
  }
  const result = await build(options)
  let minified = 0
  let gzip = 0
  let code = ''
  await mkdir(join(tmpDir, name), { recursive: true })
  for (const file of result.outputFiles ?? []) {
    minified += file.contents.byteLength
    code += file.text
    gzip += gzipSync(file.contents, { level: 9 }).byteLength
    await writeFile(file.path, file.contents)
  }
  const inputs = new Map<string, number>()
  for (const output of Object.values(result.metafile?.outputs ?? {})) {
    for (const [path, { bytesInOutput }] of Object.entries(output.inputs)) {
      // Group by package (or by src/ for our code) so the list reads as "who costs what".
      const key = path.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1] ?? path.split('/').slice(0, 2).join('/')
      inputs.set(key, (inputs.get(key) ?? 0) + bytesInOutput)
    }
  }
  const topInputs = [...inputs]
    .map(([path, bytes]) => ({ path, bytes }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, 8)
  const packages = [...inputs.keys()].filter((key) => !key.startsWith('src/') && !key.startsWith('bench/')).sort()
  return { minified, gzip, topInputs, packages, code }
}

/** Our screen, dependencies included: what an app ships (react and react-dom aside). */
export function measureApp(): Promise<BundleSize> {
  return bundleApp('bench/apps/ours.tsx')
}

/** Our screen with every dependency external: the figure the 6 KB budget applies to. */
export function measureOwnCode(): Promise<BundleSize> {
  return bundleApp('bench/apps/ours.tsx', ownCodeExternals)
}

/** Section 1: our screen, our code alone, and the same screen built with @stigg/react-sdk. */
export async function measureBundles(): Promise<BundleFigures> {
  // Sequential on purpose: the machine has two cores shared with other work.
  const ours = await measureApp()
  const own = await measureOwnCode()
  const stigg = await bundleApp('bench/apps/stigg.tsx')
  const withPaywall = await bundleApp('bench/apps/oursWithPaywall.tsx', ownCodeExternals)
  const withGraphQLClient = await bundleApp('bench/apps/oursWithGraphQLClient.tsx')
  return {
    withGraphQLClientGzip: withGraphQLClient.gzip,
    paywallMarginalGzip: withPaywall.gzip - own.gzip,
    oursGzip: ours.gzip,
    oursOwnGzip: own.gzip,
    stiggGzip: stigg.gzip,
    ratio: stigg.gzip / ours.gzip,
    oursMinified: ours.minified,
    oursOwnMinified: own.minified,
    stiggMinified: stigg.minified,
    oursTopInputs: ours.topInputs,
    stiggTopInputs: stigg.topInputs,
  }
}
