import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { parse, print, type DocumentNode } from 'graphql'

/** One published `@stigg/api-client-js`: the documents its clients send and its TypeScript declarations. */
export interface StiggClientSource {
  /** e.g. `@stigg/api-client-js 3.108.0 (via @stigg/node-server-sdk)` */
  label: string
  version: string
  /** `XDocument` exports of `sdk.js`, by export name, re-parsed with this project's graphql-js. */
  documents: Map<string, DocumentNode>
  /** `sdk.d.ts` text: input types, enums, scalars and the result type of every operation. */
  declarations: string
  /** `fragments.json`: the possible types of every union and interface. */
  possibleTypes: Record<string, string[]>
}

const require = createRequire(import.meta.url)

function readClient(packageDir: string, via: string): StiggClientSource {
  const generated = join(packageDir, 'src/generated')
  const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string }
  // Loading sdk.js runs graphql-tag over its templates, fragments included: the exact documents the SDK sends.
  // Both clients share one graphql-tag, which would warn about their same-named fragments.
  const load = createRequire(join(generated, 'sdk.js'))
  ;(load('graphql-tag') as { disableFragmentWarnings(): void }).disableFragmentWarnings()
  const sdk = load(join(generated, 'sdk.js')) as Record<string, unknown>
  const documents = new Map<string, DocumentNode>()
  for (const [name, value] of Object.entries(sdk)) {
    if (name.endsWith('Document')) documents.set(name, parse(print(value as DocumentNode)))
  }
  return {
    label: `@stigg/api-client-js ${version} (via ${via})`,
    version,
    documents,
    declarations: readFileSync(join(generated, 'sdk.d.ts'), 'utf8'),
    possibleTypes: (JSON.parse(readFileSync(join(generated, 'fragments.json'), 'utf8')) as { possibleTypes: Record<string, string[]> }).possibleTypes,
  }
}

/** The client `@stigg/node-server-sdk` uses (3.108.0 here): the primary source of the hosted schema. */
export function nodeSdkClient(): StiggClientSource {
  const sdkDir = dirname(dirname(require.resolve('@stigg/node-server-sdk')))
  const clientDir = dirname(dirname(createRequire(join(sdkDir, 'package.json')).resolve('@stigg/api-client-js')))
  return readClient(clientDir, '@stigg/node-server-sdk')
}

/**
 * The client `@stigg/js-client-sdk` was built with (2.235.0 under @stigg/react-sdk 5.28.2): its
 * documents are bundled into the browser SDK, so they must validate too.
 */
export function browserSdkClient(): StiggClientSource {
  const sdkDir = dirname(dirname(require.resolve('@stigg/js-client-sdk')))
  const clientDir = dirname(dirname(createRequire(join(sdkDir, 'package.json')).resolve('@stigg/api-client-js')))
  return readClient(clientDir, '@stigg/js-client-sdk')
}
