// Runs the typed setup's type check (test/types/typed/tsconfig.json: the demo plus typed type
// tests, with demo/src/stigg.d.ts) through the TypeScript API. The untyped setup is the root
// tsconfig, checked by `npm run typecheck`.
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

const configPath = fileURLToPath(new URL('./typed/tsconfig.json', import.meta.url))

function diagnosticsOf(path: string): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(path, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => { throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n')) } })
  if (!config) throw new Error(`cannot read ${path}`)
  const program = ts.createProgram({ rootNames: config.fileNames, options: config.options })
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const where = diagnostic.file ? `${diagnostic.file.fileName.replace(/^.*?\/(src|test|demo)\//, '$1/')}:${diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line + 1}` : ''
    return `${where} ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`
  })
}

describe('typed setup (demo/src/stigg.d.ts)', () => {
  it('type-checks the demo and the typed type tests: narrowing holds and every @ts-expect-error is an error', () => {
    const config = ts.getParsedCommandLineOfConfigFile(configPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })
    const files = config?.fileNames.map((file) => file.replace(/^.*?\/(test|demo)\//, '$1/')) ?? []
    // The check must really include the generated file, the typed tests and the demo.
    expect(files).toEqual(expect.arrayContaining(['demo/src/stigg.d.ts', 'test/types/typed/typedCatalog.test-d.tsx', 'demo/src/App.tsx']))
    expect(diagnosticsOf(configPath)).toEqual([])
  }, 120_000)
})
