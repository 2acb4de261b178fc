/**
 * Regenerates the attack table in SECURITY.md from the catalog:
 * `npx tsx test/reliability/writeSecurityMd.ts`. attacks.test.ts fails until it has been run
 * after a catalog change.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { renderAttackTable } from './attackCatalog'

const file = new URL('../../SECURITY.md', import.meta.url)
const start = '<!-- attack-catalog:start (generated from test/reliability/attackCatalog.ts) -->'
const end = '<!-- attack-catalog:end -->'
const text = readFileSync(file, 'utf8')
const from = text.indexOf(start)
const to = text.indexOf(end)
if (from === -1 || to < from) {
  console.error(`SECURITY.md: markers not found; it needs the lines\n${start}\n${end}`)
  process.exit(1)
}
writeFileSync(file, `${text.slice(0, from + start.length)}\n${renderAttackTable()}\n${text.slice(to)}`)
console.log('SECURITY.md: attack table regenerated')
