import { readFileSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { fileURLToPath } from 'node:url'
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin'
import react from '@vitejs/plugin-react'
import { playwright } from '@vitest/browser-playwright'
import type { Plugin } from 'vite'
import { defineConfig } from 'vitest/config'
import { chromiumLaunchOptions } from './test/chromium'

const src = (path: string) => fileURLToPath(new URL(`./src/${path}`, import.meta.url))

// Test files import the package by its public names, as a user would.
const alias = {
  'react-stigg/styles.css': src('components/styles.css'),
  'react-stigg/server': src('server.ts'),
  'react-stigg/emulator': src('emulator.ts'),
  'react-stigg/testing': src('testing.ts'),
  'react-stigg': src('index.ts'),
}


const external = [
  /^react($|\/)/,
  /^react-dom($|\/)/,
  /^@tanstack\//,
  /^graphql($|\/)/,
  ...builtinModules.flatMap((name) => [name, `node:${name}`]),
]

// The optional stylesheet is not imported by any module (components work unstyled), so
// the lib build would drop it; ship it as `react-stigg/styles.css`.
const emitStylesheet: Plugin = {
  name: 'react-stigg:styles.css',
  apply: 'build',
  generateBundle() {
    this.emitFile({ type: 'asset', fileName: 'styles.css', source: readFileSync(src('components/styles.css'), 'utf8') })
  },
}

export default defineConfig({
  plugins: [react(), emitStylesheet],
  resolve: { alias },
  build: {
    target: 'es2022',
    minify: false,
    sourcemap: true,
    lib: {
      entry: {
        index: src('index.ts'),
        server: src('server.ts'),
        emulator: src('emulator.ts'),
        testing: src('testing.ts'),
        'bin/emulator': src('bin/emulator.ts'),
      },
      formats: ['es'],
    },
    rollupOptions: {
      external,
      output: {
        // Bundlers drop module-level directives; the browser entries must keep theirs for RSC.
        banner: (chunk) =>
          chunk.name === 'bin/emulator'
            ? '#!/usr/bin/env node'
            : chunk.name === 'index' || chunk.name === 'testing'
              ? "'use client';"
              : '',
      },
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/**/*.test.ts'],
          exclude: ['test/e2e/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['test/**/*.test.tsx'],
          setupFiles: ['test/setup-dom.ts'],
        },
      },
      {
        // Every story is a test (its play function plus the axe check) in real Chromium.
        extends: true,
        plugins: [storybookTest({ configDir: fileURLToPath(new URL('./.storybook', import.meta.url)) })],
        // Found mid-run, these would make Vite reload the browser and fail every story in flight.
        optimizeDeps: { include: ['@tanstack/react-query', 'graphql'] },
        test: {
          name: 'storybook',
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({ launchOptions: chromiumLaunchOptions }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          // A cold Vite dependency pre-bundle plus a browser launch outlasts the 5 s default.
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
})
