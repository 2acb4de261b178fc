// The upgrade flow, end to end: the demo's paywall → POST /demo/upgrade → a delayed "webhook"
// changes the plan in the emulator → useAwaitEntitlement sees the grant → gates and meters
// follow, with no reload. A real Vite dev server with the proxy and emulator, driven by Chromium.
import { chromium, type Browser, type Page } from 'playwright-core'
import type { ViteDevServer } from 'vite'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { axeViolations } from './axeViolations'
import { demoEmulatorOf } from './demoEmulatorOf'
import { chromiumLaunchOptions } from '../chromium'
import { startDemoServer } from './startDemoServer'

let server: ViteDevServer
let browser: Browser
let page: Page
let origin: string
let navigations = 0

beforeAll(async () => {
  ;({ server, origin } = await startDemoServer())
  browser = await chromium.launch({ ...chromiumLaunchOptions, headless: true })
  page = await browser.newPage({ viewport: { width: 1280, height: 960 } })
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) navigations++
  })
})

afterAll(async () => {
  delete process.env['DEMO_UPGRADE_DELAY_MS']
  delete process.env['DEMO_UPGRADE_TIMEOUT_MS']
  await browser?.close()
  await server?.close()
})

beforeEach(() => {
  demoEmulatorOf(server).admin.reset()
})

const section = (title: string) => page.getByRole('region', { name: title })
const plans = () => section('Plans')
const planGroup = (name: string) => plans().getByRole('group', { name })
const apiCallsMeter = () => page.getByRole('meter', { name: /API calls/ })

async function signInAs(customerId: string, name: string) {
  await page.goto(origin)
  const switcher = page.getByLabel('Signed in as')
  const signInButton = page.getByRole('button', { name: `Sign in as ${name}` })
  await switcher.or(signInButton).waitFor()
  if (await switcher.isVisible()) await switcher.selectOption(customerId)
  else await signInButton.click()
  await expect.poll(() => switcher.inputValue()).toBe(customerId)
}

describe('demo upgrade flow in Chromium', () => {
  it('Free → Pro: "Activating…", then the analytics gate opens and the meter limit grows, without a reload', async () => {
    process.env['DEMO_UPGRADE_DELAY_MS'] = '1500'
    process.env['DEMO_UPGRADE_TIMEOUT_MS'] = '15000'
    await signInAs('customer-free', 'Free Co')
    await expect.poll(() => planGroup('Free').getAttribute('data-state')).toBe('current')
    expect(await planGroup('Free').getAttribute('aria-current')).toBe('true')
    expect(await planGroup('Pro').getAttribute('data-state')).toBe('upgrade')
    await section('Advanced analytics').getByRole('link', { name: 'Upgrade to Pro' }).waitFor()
    await expect.poll(() => apiCallsMeter().getAttribute('aria-valuemax')).toBe('1000')
    expect(await axeViolations(page)).toEqual([])
    const loadsBefore = navigations

    const clickedAt = Date.now()
    await planGroup('Pro').getByRole('button', { name: 'Upgrade to Pro' }).click()
    await plans().getByRole('status').getByText('Activating Pro…').waitFor()
    // Still locked while the "webhook" is on its way.
    expect(await section('Advanced analytics').getByRole('link', { name: 'Upgrade to Pro' }).count()).toBe(1)
    expect(await axeViolations(page)).toEqual([])

    await plans().getByRole('status').getByText('Pro is active. Enjoy!').waitFor({ timeout: 10_000 })
    expect(Date.now() - clickedAt).toBeGreaterThanOrEqual(1400)
    await page.getByRole('table', { name: 'Requests per day, this week' }).waitFor()
    expect(await section('Advanced analytics').getByRole('link', { name: 'Upgrade to Pro' }).count()).toBe(0)
    await expect.poll(() => apiCallsMeter().getAttribute('aria-valuemax')).toBe('10000')
    await expect.poll(() => planGroup('Pro').getAttribute('data-state')).toBe('current')
    await section('Your plan').getByText('Pro', { exact: true }).waitFor()
    expect(navigations).toBe(loadsBefore)
    expect(demoEmulatorOf(server).admin.snapshot().customers['customer-free']?.subscriptions.at(-1)?.planId).toBe('plan-pro')
    expect(await axeViolations(page)).toEqual([])
  })

  it('shows an error when access does not arrive in time, and gets there on "Keep waiting"', async () => {
    process.env['DEMO_UPGRADE_DELAY_MS'] = '3000'
    process.env['DEMO_UPGRADE_TIMEOUT_MS'] = '800'
    await signInAs('customer-pro', 'Pro Industries')
    await expect.poll(() => planGroup('Pro').getAttribute('data-state')).toBe('current')
    await planGroup('Enterprise').getByRole('button', { name: 'Upgrade to Enterprise' }).click()
    const alert = plans().getByRole('alert')
    await alert.getByText('Enterprise is not active yet: payment confirmation is taking longer than usual.').waitFor({ timeout: 10_000 })
    expect(await page.getByRole('button', { name: 'Save SSO settings' }).count()).toBe(0)
    expect(await axeViolations(page)).toEqual([])

    // By now the 3 s "webhook" has run; the retry (another 800 ms at most) sees the grant.
    await new Promise((resolve) => setTimeout(resolve, 2500))
    await alert.getByRole('button', { name: 'Keep waiting' }).click()
    await plans().getByRole('status').getByText('Enterprise is active. Enjoy!').waitFor({ timeout: 10_000 })
    await page.getByRole('button', { name: 'Save SSO settings' }).waitFor()
  })

  it('refuses an unknown plan and a request without a session', async () => {
    const cookies = await page.context().cookies(origin)
    const cookie = cookies.map((c) => `${c.name}=${c.value}`).join('; ')
    const upgrade = (body: unknown, headers: Record<string, string>) =>
      fetch(`${origin}/demo/upgrade`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) })
    const unknown = await upgrade({ planId: 'plan-platinum' }, { cookie })
    expect(unknown.status).toBe(400)
    expect((await unknown.json()).error).toContain('plan-free, plan-pro, plan-enterprise')
    expect((await upgrade({ planId: 'plan-pro' }, {})).status).toBe(401)
  })
})
