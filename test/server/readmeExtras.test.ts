// README.md's blocks that the consumer fixture cannot build (it installs neither Next.js nor
// graphql-request) must still type-check against the public entries: the Next.js App Router
// example (```tsx next) and the GraphQLClient example (```tsx graphql-request). Next.js is not a
// dependency: `headers()` from 'next/headers' gets a declaration shim, the app's own modules
// (session, Dashboard) stubs; graphql-request is a dev dependency here.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { afterAll, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../../', import.meta.url))
const dir = join(root, 'test/server/.readme-extras')
afterAll(() => rmSync(dir, { recursive: true, force: true }))

it('type-checks the Next.js and GraphQLClient examples against the public entries', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8')
  const block = (info: string) => [...readme.matchAll(new RegExp(`^\`\`\`tsx ${info}\n([\\s\\S]*?)^\`\`\`$`, 'gm'))].map((match) => match[1]!)
  expect(block('next')).toHaveLength(1)
  expect(block('graphql-request')).toHaveLength(1)
  mkdirSync(dir, { recursive: true })
  const files = {
    'page.tsx': block('next')[0]!,
    'client.tsx': block('graphql-request')[0]!,
    'session.ts': 'export declare function getSession(headers: Headers): Promise<{ orgId: string; workspaceId: string | null } | null>\n',
    'Dashboard.tsx': 'export declare function Dashboard(props: { customerId: string; resourceId: string | null }): null\n',
    'next-headers.d.ts': "declare module 'next/headers' {\n  export function headers(): Promise<Headers>\n}\n",
  }
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text)
  const config = ts.getParsedCommandLineOfConfigFile(join(root, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })!
  const program = ts.createProgram(Object.keys(files).map((name) => join(dir, name)), { ...config.options, noEmit: true })
  const problems = ts
    .getPreEmitDiagnostics(program)
    .map((d) => `${d.file ? `${d.file.fileName.slice(root.length)}:` : ''} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`)
  expect(problems).toEqual([])
}, 60_000)
