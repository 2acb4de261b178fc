import { builtinModules } from 'node:module'
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'

const src = (path: string) => fileURLToPath(new URL(`./src/${path}`, import.meta.url))

// Test files import the package by its public names, as a user would.
const alias = {
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
  /^graphql-request($|\/)/,
  ...builtinModules.flatMap((name) => [name, `node:${name}`]),
]

export default defineConfig({
  plugins: [react()],
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
    ],
  },
})
