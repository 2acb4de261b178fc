import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Connect, Plugin, ViteDevServer, PreviewServer } from 'vite'
import type { Emulator } from '../src/emulator'
import { defaultCatalog } from '../src/emulator'
import type { StiggDevPlugin } from '../src/vite'
import type { DemoSessions } from './createDemoSessions'
import { readJsonBody, sendJson } from './demoSessionPlugin'

/** What `POST /demo/upgrade` answers (202): when the plan should be active and how long the page should wait. */
export interface DemoUpgrade {
  planId: string
  activatesInMs: number
  awaitTimeoutMs: number
}

/**
 * A whole number of ms from the environment, read per request so a running demo (or a test)
 * can retune it; a bad value is reported, never silently replaced.
 */
function envMs(name: string, fallback: number, max: number): number {
  const raw = process.env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 0 || value > max) {
    throw new Error(`${name}="${raw}" must be a whole number of milliseconds from 0 to ${max}`)
  }
  return value
}

const emulatorOf = (plugins: readonly { name: string }[]): Emulator | undefined =>
  (plugins.find((plugin) => plugin.name === 'react-stigg:proxy') as StiggDevPlugin | undefined)?.api.emulator

async function upgrade(sessions: DemoSessions, emulator: Emulator | undefined, timers: Set<NodeJS.Timeout>, req: IncomingMessage, res: ServerResponse) {
  const customerId = sessions.customerOf(req.headers.cookie)
  if (customerId === null) return sendJson(res, 401, { error: 'POST /demo/upgrade needs a signed-in demo session' })
  if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
    return sendJson(res, 415, { error: 'POST /demo/upgrade expects Content-Type: application/json' })
  }
  if (!emulator) {
    return sendJson(res, 501, { error: 'POST /demo/upgrade changes plans in the in-process emulator; with STIGG_API_URL set, change them in Stigg instead' })
  }
  let planId: unknown
  try {
    planId = ((await readJsonBody(req)) as { planId?: unknown } | null)?.planId
  } catch (error) {
    return sendJson(res, 400, { error: `POST /demo/upgrade could not read its JSON body: ${(error as Error).message}` })
  }
  const known = defaultCatalog.plans.map((plan) => plan.id)
  if (typeof planId !== 'string' || !known.includes(planId)) {
    return sendJson(res, 400, { error: `POST /demo/upgrade needs {"planId"} set to one of: ${known.join(', ')}; got ${JSON.stringify(planId)}` })
  }
  let answer: DemoUpgrade
  try {
    answer = { planId, activatesInMs: envMs('DEMO_UPGRADE_DELAY_MS', 1500, 60_000), awaitTimeoutMs: envMs('DEMO_UPGRADE_TIMEOUT_MS', 15_000, 600_000) }
  } catch (error) {
    return sendJson(res, 500, { error: (error as Error).message })
  }
  // Like a payment webhook: the plan changes later, on the server, with nothing told to the browser.
  const timer = setTimeout(() => {
    timers.delete(timer)
    emulator.admin.setSubscription(customerId, { planId, status: 'ACTIVE', endDate: null, trialEndDate: null })
  }, answer.activatesInMs)
  timers.add(timer)
  sendJson(res, 202, answer)
}

/**
 * `POST /demo/upgrade {"planId"}`: the demo's checkout. It answers 202 at once and changes the
 * signed-in customer's plan in the emulator `DEMO_UPGRADE_DELAY_MS` later (default 1500), as a
 * payment webhook would; the page waits for the new entitlement with `useAwaitEntitlement`,
 * for at most `DEMO_UPGRADE_TIMEOUT_MS` (default 15000).
 */
export function demoUpgradePlugin(sessions: DemoSessions): Plugin {
  const timers = new Set<NodeJS.Timeout>()
  const install = (server: ViteDevServer | PreviewServer) => {
    const handle: Connect.NextHandleFunction = (req, res, next) => {
      if ((req.url ?? '').split('?')[0] !== '/demo/upgrade' || req.method !== 'POST') return next()
      upgrade(sessions, emulatorOf(server.config.plugins), timers, req, res).catch(next)
    }
    server.middlewares.use(handle)
    // A pending "webhook" must not fire into a closed server.
    server.httpServer?.once('close', () => {
      for (const timer of timers) clearTimeout(timer)
      timers.clear()
    })
  }
  return { name: 'react-stigg:demo-upgrade', configureServer: install, configurePreviewServer: install }
}
