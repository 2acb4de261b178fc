// Global setup of the `package` test project: build once and `npm pack` once, so every test
// there looks at the same tarball a user would download.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    /** Absolute path of the packed react-stigg-<version>.tgz. */
    packageTarball: string
  }
}

const root = fileURLToPath(new URL('../../', import.meta.url))

// A failed build's Buffer-laden error is unreadable in Vitest's report: rethrow its output as text.
// NODE_ENV is 'test' under Vitest; built with it, JSX would compile to react/jsx-dev-runtime,
// whose production build has no jsxDEV. A user's `npm run build` runs with it unset (= production).
function npm(args: string[]): string {
  try {
    return execFileSync('npm', args, { cwd: root, encoding: 'utf8', stdio: 'pipe', env: { ...process.env, NODE_ENV: 'production' } })
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string }
    throw new Error(`npm ${args.join(' ')} failed:\n${`${stdout ?? ''}\n${stderr ?? ''}`.slice(-4000)}`)
  }
}

export default function packTarball(project: TestProject): () => void {
  npm(['run', 'build'])
  const dir = mkdtempSync(join(tmpdir(), 'react-stigg-pack-'))
  const [packed] = JSON.parse(npm(['pack', '--json', '--ignore-scripts', '--pack-destination', dir])) as [{ filename: string }]
  project.provide('packageTarball', join(dir, packed.filename))
  return () => rmSync(dir, { recursive: true, force: true })
}
