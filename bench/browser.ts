import { mkdir, readFile } from 'node:fs/promises'
import { createServer, type RequestListener } from 'node:http'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { chromium } from 'playwright-core'
import { startEmulator } from 'react-stigg/emulator'
import type { BrowserPageResult } from './apps/browserPage'
import { chromiumLaunchOptions } from '../test/chromium'
import { bareHandler, benchApiKey, createBenchProxy, entitlementRequestBody, listen, sessionCookie } from './fixtures'

const root = fileURLToPath(new URL('..', import.meta.url))
const outDir = join(root, 'bench', '.tmp', 'browser')

const launchOptions = chromiumLaunchOptions

export interface BrowserFigures {
  runs: number
  /** Median of `runs` page loads: provider mount → first gate content in the DOM. */
  firstGateMs: number
  /** Median of the same loads: one same-origin POST to a bare JSON endpoint. */
  rttMs: number
  firstGateRunsMs: number[]
  rttRunsMs: number[]
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

/** The page as an app ships it: one production bundle with React, react-stigg and its dependencies. */
async function buildPage(): Promise<string> {
  await mkdir(outDir, { recursive: true })
  const outfile = join(outDir, 'app.js')
  await build({
    absWorkingDir: root,
    entryPoints: ['bench/apps/browserPage.tsx'],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    alias: { 'react-stigg': join(root, 'src', 'index.ts') },
    outfile,
    logLevel: 'silent',
  })
  return readFile(outfile, 'utf8')
}

/**
 * Section 5: Chromium loads a page from 127.0.0.1 whose origin also mounts the proxy (→ the
 * emulator over HTTP) and a bare JSON endpoint; each load times the first gate and one round trip.
 */
export async function measureBrowser(options: { runs: number }): Promise<BrowserFigures> {
  const script = await buildPage()
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>react-stigg bench</title></head><body><div id="root"></div><script type="application/json" id="rtt-body">${entitlementRequestBody('feature-analytics')}</script><script type="module" src="/app.js"></script></body></html>`
  const emulator = await startEmulator({ port: 0, apiKey: benchApiKey })
  const upstream = emulator.url.endsWith('/graphql') ? emulator.url : `${emulator.url.replace(/\/$/, '')}/graphql`
  const proxy = createBenchProxy(upstream)
  const handler: RequestListener = (req, res) => {
    const path = req.url?.split('?')[0]
    if (req.method === 'GET' && path === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'set-cookie': `${sessionCookie}; Path=/; HttpOnly; SameSite=Lax`, 'cache-control': 'no-store' })
      res.end(html)
    } else if (req.method === 'GET' && path === '/app.js') {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' })
      res.end(script)
    } else if (path === '/api/stigg') proxy(req, res)
    else if (req.method === 'POST' && path === '/bare') bareHandler(req, res)
    else {
      res.writeHead(404, { 'content-type': 'text/plain' })
      res.end(`bench browser server: no route for ${req.method} ${req.url}`)
    }
  }
  const server = createServer(handler)
  const url = await listen(server)
  const browser = await chromium.launch(launchOptions)
  try {
    const page = await browser.newPage()
    const firstGateRunsMs: number[] = []
    const rttRunsMs: number[] = []
    // Two loads first: Chromium's and V8's caches warm up outside the figures.
    for (let i = 0; i < options.runs + 2; i++) {
      await page.goto(url, { waitUntil: 'load' })
      await page.waitForFunction(() => window.benchResult !== undefined, undefined, { timeout: 10_000 })
      const result = await page.evaluate(() => window.benchResult)
      if (result === undefined || 'error' in result) {
        throw new Error(`bench browser: the page reported ${JSON.stringify(result)}`)
      }
      if (i >= 2) {
        const { firstGateMs, rttMs } = result satisfies BrowserPageResult
        firstGateRunsMs.push(firstGateMs)
        rttRunsMs.push(rttMs)
      }
    }
    return { runs: options.runs, firstGateMs: median(firstGateRunsMs), rttMs: median(rttRunsMs), firstGateRunsMs, rttRunsMs }
  } finally {
    await browser.close()
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
    await emulator.close()
  }
}
