import { existsSync } from 'node:fs'
import { relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { rollup } from 'rollup'
import { dts } from 'rollup-plugin-dts'
import type { Plugin } from 'vite'

const root = fileURLToPath(new URL('..', import.meta.url))

/**
 * One rolled-up `.d.ts` per entry (plus shared chunks), written next to the JavaScript after
 * the lib build. Rolled-up files have no extensionless relative imports, so the types resolve
 * under `moduleResolution` node16/nodenext as well as bundler (tsc's per-file output needs
 * `.js` on every relative import for that). The name contains "declarations" so that
 * .storybook/main.ts drops it from Storybook's merged config.
 */
export function rollUpDeclarations(entries: Record<string, string>): Plugin {
  let failed = false
  return {
    name: 'react-stigg:declarations',
    apply: 'build',
    buildStart() {
      for (const source of Object.values(entries)) {
        if (!existsSync(source)) this.error(`package.json "exports" names an entry whose source ${relative(root, source)} does not exist.`)
      }
    },
    buildEnd(error) {
      failed = error !== undefined
    },
    renderError() {
      failed = true
    },
    async closeBundle() {
      // Rollup calls this after a failed build too; its error is the one to read.
      if (failed) return
      const bundle = await rollup({
        input: entries,
        plugins: [dts({ tsconfig: `${root}tsconfig.build.json` })],
        // Every bare import (react, @tanstack/*, graphql, vite, node:*) stays an import.
        external: (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0'),
      })
      await bundle.write({
        dir: `${root}dist`,
        format: 'es',
        entryFileNames: '[name].d.ts',
        chunkFileNames: '[name]-[hash].d.ts',
        // src/core takes QueryClient's type from query-core (it imports no React), but apps
        // install @tanstack/react-query, which re-exports it: name the peer they actually have.
        paths: { '@tanstack/query-core': '@tanstack/react-query' },
      })
      await bundle.close()
    },
  }
}
