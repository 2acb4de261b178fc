import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

// DESIGN.md: `core` imports no React; `react` and `components` never import `server` or `emulator`.
const src = fileURLToPath(new URL('../../src/', import.meta.url))

function importsOf(dir: string): { file: string; specifier: string; typeOnly: boolean }[] {
  return readdirSync(`${src}${dir}`, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.tsx?$/.test(file))
    .flatMap((file) => {
      const text = readFileSync(`${src}${dir}/${file}`, 'utf8')
      return [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map(
        (match) => ({
          file: `${dir}/${file}`,
          specifier: (match[1] ?? match[2])!,
          typeOnly: /^\s*(import|export)\s+type\b/.test(match[0]),
        }),
      )
    })
}

describe('layers', () => {
  it('finds the imports it checks', () => {
    expect(importsOf('react').some(({ specifier }) => specifier === 'react')).toBe(true)
  })

  it('keeps src/core free of React', () => {
    const offending = importsOf('core').filter(({ specifier }) =>
      /^(react|react-dom)(\/|$)|^@tanstack\/react-query|^\.\.\/(react|components)\//.test(specifier),
    )
    expect(offending).toEqual([])
  })

  it('keeps the browser layers away from server and emulator code', () => {
    const offending = ['core', 'react', 'components', 'devtools'].flatMap(importsOf).filter(({ specifier }) =>
      /(^|\/)(server|emulator|vite)(\/|$)|^node:|^react-stigg\/(server|emulator|vite)/.test(specifier),
    )
    expect(offending).toEqual([])
  })

  it('keeps graphql out of the browser entry (types only)', () => {
    const offending = ['core', 'react', 'components', 'devtools']
      .flatMap(importsOf)
      .filter(({ specifier, typeOnly }) => !typeOnly && /^graphql($|\/)/.test(specifier))
    expect(offending).toEqual([])
  })
})
