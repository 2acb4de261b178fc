import { builtinModules } from 'node:module'
import { fileURLToPath } from 'node:url'
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin'
import react from '@vitejs/plugin-react'
import { playwright } from '@vitest/browser-playwright'
import { defineConfig } from 'vitest/config'
import { emitStylesheet } from './build/emitStylesheet'
import { packageEntries } from './build/packageEntries'
import { rollUpDeclarations } from './build/rollUpDeclarations'
import { chromiumLaunchOptions } from './test/chromium'

const src = (path: string) => fileURLToPath(new URL(`./src/${path}`, import.meta.url))

// Test files import the package by its public names, as a user would.
const alias = {
  'react-stigg/styles.css': src('components/styles.css'),
  'react-stigg/server': src('server.ts'),
  'react-stigg/emulator': src('emulator.ts'),
  'react-stigg/testing': src('testing.ts'),
  'react-stigg/vite': src('vite.ts'),
  'react-stigg/devtools': src('devtools.ts'),
  'react-stigg': src('index.ts'),
}


const external = [
  /^react($|\/)/,
  /^react-dom($|\/)/,
  /^@tanstack\//,
  /^graphql($|\/)/,
  /^vite($|\/)/,
  ...builtinModules.flatMap((name) => [name, `node:${name}`]),
]

// Tests of the packed tarball (project `package`); the consumer fixture's own test runs inside it.
const packagedTests = ['test/package/build.test.ts', 'test/package/tarball.test.ts', 'test/consumer/**/*.test.ts', 'test/consumer/fixture/**']

// One list: package.json's `exports` (build/packageEntries.ts).
const entries = packageEntries()
// Bundlers drop module-level directives; the browser entries must keep theirs for RSC.
const clientEntries = new Set(['index', 'testing', 'devtools'])

export default defineConfig({
  plugins: [react(), emitStylesheet, rollUpDeclarations(entries)],
  resolve: { alias },
  build: {
    target: 'es2022',
    minify: false,
    // No source maps: the output is unminified ESM that reads like the source (README, "Packaging").
    sourcemap: false,
    lib: {
      entry: { ...entries, 'bin/emulator': src('bin/emulator.ts'), 'bin/codegen': src('bin/codegen.ts') },
      formats: ['es'],
    },
    rollupOptions: {
      external,
      output: {
        banner: (chunk) =>
          chunk.name.startsWith('bin/') ? '#!/usr/bin/env node' : clientEntries.has(chunk.name) ? "'use client';" : '',
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
          exclude: ['test/e2e/**', ...packagedTests],
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['test/**/*.test.tsx'],
          exclude: ['**/node_modules/**', ...packagedTests],
          setupFiles: ['test/setup-dom.ts'],
        },
      },
      {
        // The hooks and components suite again through a graphql-request GraphQLClient (StiggProvider `client`).
        extends: true,
        test: {
          name: 'dom-graphql-request',
          environment: 'jsdom',
          include: ['test/react/**/*.test.tsx', 'test/components/**/*.test.tsx'],
          setupFiles: ['test/setup-dom.ts', 'test/transports/viaGraphQLClient.tsx'],
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
        // The built, packed package as a user installs it: one build and one `npm pack` for all.
        extends: true,
        test: {
          name: 'package',
          environment: 'node',
          include: packagedTests.filter((glob) => !glob.includes('fixture')),
          globalSetup: ['test/package/packTarball.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
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
