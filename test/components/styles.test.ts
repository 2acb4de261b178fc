import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

const css = readFileSync(new URL('../../src/components/styles.css', import.meta.url), 'utf8')

function block(atRule: string): string {
  const start = css.indexOf(atRule)
  expect(start, `${atRule} missing from styles.css`).toBeGreaterThanOrEqual(0)
  let depth = 0
  for (let i = css.indexOf('{', start); i < css.length; i++) {
    if (css[i] === '{') depth++
    if (css[i] === '}' && --depth === 0) return css.slice(start, i + 1)
  }
  throw new Error(`${atRule} is not closed in styles.css`)
}

describe('react-stigg/styles.css', () => {
  it('drives the meter with CSS variables on the data attributes', () => {
    for (const name of ['fill', 'warning', 'exceeded', 'track', 'height', 'radius']) {
      expect(css).toMatch(new RegExp(`--stigg-meter-${name}:`))
    }
    expect(css).toMatch(/\[data-stigg-meter-fill\]\[data-state='warning'\][^{]*\{\s*background: var\(--stigg-meter-warning\)/)
    expect(css).toMatch(/\[data-stigg-meter-fill\]\[data-state='exceeded'\][^{]*\{\s*background: var\(--stigg-meter-exceeded\)/)
  })

  it('turns transitions off for reduced motion', () => {
    expect(block('@media (prefers-reduced-motion: reduce)')).toMatch(/--stigg-meter-transition: none/)
  })

  it('styles the paywall by data-state, with variables, and marks the current plan in forced-colors mode', () => {
    for (const name of ['gap', 'border', 'current-border', 'accent']) expect(css).toMatch(new RegExp(`--stigg-paywall-${name}:`))
    expect(css).toMatch(/\[data-stigg-paywall-plan\]\[data-state='current'\][^{]*\{\s*border: 2px solid var\(--stigg-paywall-current-border\)/)
    expect(css).toMatch(/@media \(forced-colors: active\) \{\s*:where\(\[data-stigg-paywall-plan\]\[data-state='current'\]\) \{\s*border-color: Highlight/)
  })

  it('uses system colours and a visible border in forced-colors mode', () => {
    const forced = block('@media (forced-colors: active)')
    for (const colour of ['Highlight', 'CanvasText', 'Mark', 'Canvas']) expect(forced).toContain(colour)
    expect(forced).toMatch(/border: 1px solid CanvasText/)
  })
})
