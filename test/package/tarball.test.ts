import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, inject, it } from 'vitest'

// The two package linters, run on the packed tarball (what the registry would serve).
const root = fileURLToPath(new URL('../../', import.meta.url))
const tarball = inject('packageTarball')
const bin = (name: string) => `${root}node_modules/.bin/${name}`

interface AttwProblem {
  kind: string
  entrypoint: string
  resolutionKind: string
}

describe('the packed tarball', () => {
  it('has types that resolve for every entry under node16 and bundler (attw, esm-only profile)', () => {
    // The stylesheet is not a module: no resolution mode types it, so attw is told to skip it.
    // execFileSync throws on a non-zero exit, which is how attw reports a problem in the profile.
    const json = execFileSync(bin('attw'), [tarball, '--profile', 'esm-only', '--exclude-entrypoints', './styles.css', '--format', 'json'], {
      cwd: root,
      encoding: 'utf8',
    })
    const { analysis, problems } = JSON.parse(json) as {
      analysis: { entrypoints: Record<string, unknown> }
      problems: Record<string, AttwProblem[]>
    }
    expect(Object.keys(analysis.entrypoints)).toEqual(expect.arrayContaining(['.', './server', './vite', './emulator', './testing']))
    // esm-only: CommonJS `require` from TypeScript's node16-cjs and the pre-exports node10 are out of scope.
    const counted = Object.values(problems)
      .flat()
      .filter((problem) => !['node10', 'node16-cjs'].includes(problem.resolutionKind))
    expect(counted).toEqual([])
  })

  it('passes publint with no error, warning or suggestion', () => {
    const output = execFileSync(bin('publint'), ['run', tarball, '--level', 'suggestion', '--strict'], { cwd: root, encoding: 'utf8' })
    expect(output).toContain('All good!')
  })
})
