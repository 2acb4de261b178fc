import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { hostedSdlModule } from './hostedSdlModule'

/**
 * `npm run hosted-schema`: re-derives hosted Stigg's SDL from the installed Stigg clients and
 * writes `src/emulator/schema/hosted/hostedSdl.ts`. Commit the result; a test fails when it is stale.
 */
const target = fileURLToPath(new URL('../src/emulator/schema/hosted/hostedSdl.ts', import.meta.url))
const { text, warnings } = hostedSdlModule()
writeFileSync(target, text)
console.log(`wrote ${target} (${text.length} characters)`)
if (warnings.length > 0) console.log(`${warnings.length} disagreements between the clients (the first source won), e.g.\n${warnings.slice(0, 5).join('\n')}`)
