import { randomBytes } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
// The config runs in Node before any alias exists, so it imports the plugin by path.
import { stiggDevPlugin } from '../src/vite'
import { validateCatalog } from '../src/emulator'
// The one file that describes the demo's product: it seeds this emulator, the stories and types demo/src/stigg.d.ts.
import demoCatalog from './catalog.json'
import { createDemoSessions } from './createDemoSessions'
import { demoSessionPlugin } from './demoSessionPlugin'
import { demoUpgradePlugin } from './demoUpgradePlugin'

// A fresh key per server start: the e2e test proves this exact string never reaches the browser.
const emulatorApiKey = `demo-${randomBytes(24).toString('base64url')}`

// One store for the sign-in endpoints and the proxy's identify, like an app's own sessions.
const sessions = createDemoSessions()

const src = (path: string) => fileURLToPath(new URL(`../src/${path}`, import.meta.url))

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  // Its own cache, so the demo never fights Storybook or Vitest over node_modules/.vite.
  cacheDir: fileURLToPath(new URL('../node_modules/.vite/demo', import.meta.url)),
  clearScreen: false,
  plugins: [
    react(),
    stiggDevPlugin({
      path: '/api/stigg',
      // The server's session record behind the cookie's opaque token: the page never names its customer.
      identify: (request) => {
        const customerId = sessions.customerOf(request.headers.get('cookie'))
        return customerId ? { customerId } : null
      },
      allow: { reportUsage: { maxValue: 100 } },
      emulator: { apiKey: emulatorApiKey, catalog: validateCatalog(demoCatalog) },
    }),
    // Before the session plugin, which answers every other /demo/* path.
    demoUpgradePlugin(sessions),
    demoSessionPlugin(sessions),
  ],
  resolve: {
    // The demo imports the package by its public names, exactly as an app would.
    alias: {
      'react-stigg/styles.css': src('components/styles.css'),
      'react-stigg/devtools': src('devtools.ts'),
      'react-stigg': src('index.ts'),
    },
  },
  // Pre-bundled up front: a dependency found mid-session would make Vite reload the page.
  optimizeDeps: {
    include: ['react', 'react/jsx-dev-runtime', 'react-dom/client', '@tanstack/react-query'],
  },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
})
