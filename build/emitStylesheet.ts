import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Plugin } from 'vite'

const stylesheet = fileURLToPath(new URL('../src/components/styles.css', import.meta.url))

/**
 * The optional stylesheet is not imported by any module (components work unstyled), so the
 * lib build would drop it; ship it as `react-stigg/styles.css`.
 */
export const emitStylesheet: Plugin = {
  name: 'react-stigg:styles.css',
  apply: 'build',
  generateBundle() {
    this.emitFile({ type: 'asset', fileName: 'styles.css', source: readFileSync(stylesheet, 'utf8') })
  },
}
