// The demo, end to end: a real Vite dev server with the proxy and emulator, driven by Chromium.
import { mkdir } from 'node:fs/promises'
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser, type Page } from 'playwright-core'
import type { ViteDevServer } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { axeViolations } from './axeViolations'
import { demoEmulatorOf } from './demoEmulatorOf'
import { chromiumLaunchOptions } from '../chromium'
import { startDemoServer } from './startDemoServer'

const screenshotPath = fileURLToPath(new URL('../../docs/demo.png', import.meta.url))

interface SeenRequest {
  url: URL
  method: string
  resourceType: string
}

let server: ViteDevServer
let browser: Browser
let page: Page
let origin: string
let apiKey: string
const requests: SeenRequest[] = []
const webSockets: URL[] = []
const pendingBodies: Promise<string>[] = []

beforeAll(async () => {
  ;({ server, origin } = await startDemoServer())
  apiKey = demoEmulatorOf(server).apiKey

  browser = await chromium.launch({ ...chromiumLaunchOptions, headless: true })
  page = await browser.newPage({ viewport: { width: 1280, height: 960 } })
  page.on('request', (request) => {
    requests.push({ url: new URL(request.url()), method: request.method(), resourceType: request.resourceType() })
  })
  page.on('response', (response) => {
    const headers = JSON.stringify(response.headers())
    // Redirects have no body; their headers are still checked.
    pendingBodies.push(response.text().then((body) => headers + body, () => headers))
  })
  page.on('websocket', (socket) => {
    webSockets.push(new URL(socket.url()))
  })
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

const apiCallsMeter = () => page.getByRole('meter', { name: /API calls/ })
const section = (title: string) => page.getByRole('region', { name: title })

const signInAs = async (customerId: string, name: string) => {
  const switcher = page.getByLabel('Signed in as')
  if (await switcher.isVisible()) await switcher.selectOption(customerId)
  else await page.getByRole('button', { name: `Sign in as ${name}` }).click()
  await expect.poll(() => switcher.inputValue()).toBe(customerId)
}

describe('demo app in Chromium', () => {
  it('starts signed out, offers the seeded customers, and passes axe', async () => {
    await page.goto(origin)
    await page.getByRole('heading', { name: 'Sign in to Acme Analytics' }).waitFor()
    expect(await page.getByRole('button', { name: /^Sign in as / }).count()).toBe(6)
    expect(await axeViolations(page)).toEqual([])
  })

  it('shows Free Co and Enterprise Corp different gates, and passes axe', async () => {
    await signInAs('customer-free', 'Free Co')
    await section('Your plan').getByText('Free', { exact: true }).waitFor()
    await section('Single sign-on').getByRole('link', { name: 'Upgrade to Enterprise' }).waitFor()
    await section('Advanced analytics').getByRole('link', { name: 'Upgrade to Pro' }).waitFor()
    expect(await page.getByRole('button', { name: 'Save SSO settings' }).count()).toBe(0)
    expect(await axeViolations(page)).toEqual([])

    await signInAs('customer-enterprise', 'Enterprise Corp')
    await section('Your plan').getByText('Enterprise', { exact: true }).waitFor()
    await page.getByRole('button', { name: 'Save SSO settings' }).waitFor()
    await page.getByRole('table', { name: 'Requests per day, this week' }).waitFor()
    await expect.poll(() => apiCallsMeter().getAttribute('data-state')).toBe('unlimited')
    expect(await page.getByRole('link', { name: /^Upgrade to / }).count()).toBe(0)
  })

  it('consumes API calls until the meter says exceeded and the gate closes', async () => {
    await signInAs('customer-pro', 'Pro Industries')
    await expect.poll(() => apiCallsMeter().getAttribute('aria-valuenow')).toBe('9300')
    expect(await apiCallsMeter().getAttribute('data-state')).toBe('warning')
    await mkdir(dirname(screenshotPath), { recursive: true })
    await page.screenshot({ path: screenshotPath, fullPage: true })

    // 9,300 + 7 × 100 = the 10,000 limit; each step waits for the meter, so reports never race.
    for (let used = 9400; used <= 10_000; used += 100) {
      await page.getByRole('button', { name: 'Make 100 API calls' }).click()
      await expect.poll(() => apiCallsMeter().getAttribute('aria-valuenow')).toBe(String(used))
    }
    await expect.poll(() => apiCallsMeter().getAttribute('data-state')).toBe('exceeded')
    await section('Usage').getByRole('link', { name: 'Upgrade to Enterprise' }).waitFor()
    expect(await page.getByRole('button', { name: 'Make an API call' }).count()).toBe(0)
    expect(await axeViolations(page)).toEqual([])
    expect(demoEmulatorOf(server).admin.getUsage('customer-pro', 'feature-api-calls')).toBe(10_000)
  })

  it('only ever talks to /api/stigg, /demo/* and its own assets', () => {
    expect(requests.some(({ url, method }) => url.pathname === '/api/stigg' && method === 'POST')).toBe(true)
    for (const { url, method, resourceType } of requests) {
      expect(url.origin, `${method} ${url.href} left the demo's origin`).toBe(origin)
      if (resourceType === 'fetch' || resourceType === 'xhr' || method !== 'GET') {
        expect(
          url.pathname === '/api/stigg' || url.pathname.startsWith('/demo/'),
          `${method} ${url.pathname} (${resourceType}) is neither the proxy nor the demo session`,
        ).toBe(true)
      }
    }
    for (const socket of webSockets) expect(socket.host).toBe(new URL(origin).host)
  })

  it('knows the customer from its server-side session, not from a cookie naming one', async () => {
    const [cookie] = await page.context().cookies(origin)
    expect(cookie).toMatchObject({ name: 'acme_demo_session', httpOnly: true, sameSite: 'Lax' })
    expect(cookie?.value).not.toMatch(/customer/)
    const askAs = (cookieHeader: string) =>
      fetch(`${origin}/api/stigg`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: cookieHeader },
        body: JSON.stringify({ query: '{ __typename }' }),
      }).then((response) => response.status)
    expect(await askAs(`acme_demo_session=${cookie?.value}`)).toBe(200)
    expect(await askAs('acme_demo_session=customer-enterprise')).toBe(401)
    expect(await askAs('stigg_demo_customer=customer-enterprise')).toBe(401)
  })

  it('never shows the API key to the browser', async () => {
    expect(apiKey.length).toBeGreaterThanOrEqual(16)
    const bodies = await Promise.all(pendingBodies)
    expect(bodies.length).toBeGreaterThan(10)
    for (const body of bodies) expect(body).not.toContain(apiKey)
    expect(await page.content()).not.toContain(apiKey)
    const scripts = await page.evaluate(() => [...document.scripts].map((script) => script.text))
    for (const script of scripts) expect(script).not.toContain(apiKey)
  })
})
