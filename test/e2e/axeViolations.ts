import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'

// The same axe-core the Storybook a11y gate uses, injected inline so it makes no request.
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js')

interface AxeViolation {
  id: string
  help: string
  nodes: { target: unknown[] }[]
}

/** Runs axe on the page as it is now; one readable line per violation, empty when clean. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath })
  const violations = await page.evaluate(async () => {
    const { axe } = window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> } }
    return (await axe.run(document, { resultTypes: ['violations'] })).violations
  })
  return violations.map(({ id, help, nodes }) => `${id}: ${help} (${nodes.map((node) => node.target.join(' ')).join(', ')})`)
}
