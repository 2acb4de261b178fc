// The package's entry points, read from package.json's `exports`: that map is the one list.
// Adding an entry (`"./devtools": { "types": "./dist/devtools.d.ts", "default": "./dist/devtools.js" }`)
// is all it takes; the JavaScript build, the rolled-up declarations and the package tests follow it.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))

interface CodeExport {
  types: string
  default: string
}

/** `{ index: '/abs/src/index.ts', server: '/abs/src/server.ts', … }`, keyed by the dist file name. */
export function packageEntries(): Record<string, string> {
  const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { exports: Record<string, string | CodeExport> }
  const entries: Record<string, string> = {}
  for (const target of Object.values(pkg.exports)) {
    if (typeof target === 'string') continue // ./styles.css, ./package.json
    const name = target.default.replace(/^\.\/dist\//, '').replace(/\.js$/, '')
    entries[name] = `${root}src/${name}.ts`
  }
  return entries
}
