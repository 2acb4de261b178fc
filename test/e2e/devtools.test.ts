// The demo driven through <StiggDevtools>: usage to the limit, the clock past the reset, an
// outage and its recovery, each seen in the app's own meter and gate. Real Vite dev server, Chromium.
import { chromium, type Browser, type Page } from 'playwright-core'
import type { ViteDevServer } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { axeViolations } from './axeViolations'
import { demoEmulatorOf } from './demoEmulatorOf'
import { chromiumLaunchOptions } from '../chromium'
import { startDemoServer } from './startDemoServer'

let server: ViteDevServer
let browser: Browser
let page: Page
let origin: string

beforeAll(async () => {
  ;({ server, origin } = await startDemoServer())
  browser = await chromium.launch({ ...chromiumLaunchOptions, headless: true })
  page = await browser.newPage({ viewport: { width: 1280, height: 960 } })
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

const apiCallsMeter = () => page.getByRole('meter', { name: /API calls/ })
const panel = () => page.getByRole('region', { name: 'Stigg devtools' })
const log = () => panel().getByRole('list', { name: 'Devtools log' })
const usageSection = () => page.getByRole('region', { name: 'Usage' })

describe('the demo through the devtools, in Chromium', () => {
  it('opens the panel from the keyboard and shows the customer, plan and cached entitlements', async () => {
    await page.goto(origin)
    await page.getByRole('button', { name: 'Sign in as Pro Industries' }).click()
    await expect.poll(() => apiCallsMeter().getAttribute('data-state')).not.toBe('loading')

    await page.getByRole('button', { name: 'Stigg devtools' }).focus()
    await page.keyboard.press('Enter')
    await panel().waitFor()
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Close Stigg devtools')
    await expect.poll(() => panel().getByTestId('devtools-customer').textContent()).toBe('customer-pro')
    await expect.poll(() => panel().getByTestId('devtools-plan').textContent()).toBe('Pro · ACTIVE')
    await expect.poll(() => panel().locator('[data-feature-id="feature-api-calls"]').getAttribute('data-source')).toBe('network')
    expect(await axeViolations(page)).toEqual([])
  })

  it('sets usage to the limit: the meter says exceeded and the gate closes', async () => {
    await panel().getByLabel('Feature').selectOption('feature-api-calls')
    await panel().getByRole('spinbutton', { name: 'Usage' }).fill('10000')
    await panel().getByRole('button', { name: 'Set usage' }).click()
    await expect.poll(() => apiCallsMeter().getAttribute('aria-valuenow')).toBe('10000')
    expect(await apiCallsMeter().getAttribute('data-state')).toBe('exceeded')
    await usageSection().getByRole('link', { name: 'Upgrade to Enterprise' }).waitFor()
    expect(await page.getByRole('button', { name: 'Make an API call' }).count()).toBe(0)
    await log().getByText('customer-pro: usage of feature-api-calls set to 10000').waitFor()
    expect(demoEmulatorOf(server).admin.getUsage('customer-pro', 'feature-api-calls')).toBe(10_000)
  })

  it('advances the clock past the reset: usage starts again from zero and the gate opens', async () => {
    await panel().getByRole('button', { name: 'Advance clock to next reset' }).click()
    await expect.poll(() => apiCallsMeter().getAttribute('aria-valuenow')).toBe('0')
    expect(await apiCallsMeter().getAttribute('data-state')).toBe('ok')
    await page.getByRole('button', { name: 'Make an API call' }).waitFor()
    await log().getByText(/^.*clock advanced past customer-pro's next reset/).waitFor()
  })

  it('switches the plan and status from the panel and the app follows', async () => {
    await panel().getByLabel('Status').selectOption('PAUSED')
    await log().getByText('customer-pro: subscription set to PAUSED').waitFor()
    await expect.poll(() => panel().getByTestId('devtools-plan').textContent()).toBe('Pro · PAUSED')
    await panel().getByLabel('Status').selectOption('ACTIVE')
    await expect.poll(() => panel().getByTestId('devtools-plan').textContent()).toBe('Pro · ACTIVE')
  })

  it('simulates an outage: reports fail visibly, reads fall back to the cache, and both recover', async () => {
    await panel().getByLabel('Outage').selectOption('503')
    await log().getByText('outage on: the upstream answers 503').waitFor()
    await page.getByRole('button', { name: 'Make an API call' }).click()
    // The client retries a 503 with backoff (1 s, 2 s, 4 s) before it gives up.
    await usageSection().getByRole('alert').filter({ hasText: 'Usage was not recorded' }).waitFor({ timeout: 30_000 })
    await expect.poll(() => panel().locator('[data-feature-id="feature-api-calls"]').getAttribute('data-source'), { timeout: 30_000 }).toBe('cache')
    // Stale while failing: the meter keeps the last answer it had rather than blanking.
    expect(await apiCallsMeter().getAttribute('aria-valuenow')).toBe('0')
    expect(demoEmulatorOf(server).admin.getUsage('customer-pro', 'feature-api-calls')).toBe(0)

    await panel().getByLabel('Outage').selectOption('off')
    await log().getByText('outage off: the upstream answers again').waitFor()
    await expect.poll(() => panel().locator('[data-feature-id="feature-api-calls"]').getAttribute('data-source'), { timeout: 15_000 }).toBe('network')
    await page.getByRole('button', { name: 'Make an API call' }).click()
    await expect.poll(() => apiCallsMeter().getAttribute('aria-valuenow'), { timeout: 15_000 }).toBe('1')
    expect(await usageSection().getByRole('alert').count()).toBe(0)
  }, 90_000)

  it('closes with Escape, gives focus back, and stays closed after a reload', async () => {
    await panel().getByRole('button', { name: 'Close Stigg devtools' }).focus()
    await page.keyboard.press('Escape')
    await expect.poll(() => panel().count()).toBe(0)
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Stigg devtools')
    await page.reload()
    await page.getByRole('button', { name: 'Stigg devtools' }).waitFor()
    expect(await panel().count()).toBe(0)
    expect(await page.getByRole('button', { name: 'Stigg devtools' }).getAttribute('aria-expanded')).toBe('false')
  })
})
