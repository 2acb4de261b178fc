import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { startEmulator, type EmulatorState, type RunningEmulator } from 'react-stigg/emulator'
import { toNodeHandler } from 'react-stigg/server'
import { provisionCustomerDocument } from '../../src/core/documents'
import { sendRaw } from './sendRaw'

/**
 * Issue 19: a customer id `__proto__` (pinned correctly by the proxy) provisioned through the
 * emulator wrote `Object.prototype.name/email/updatedAt`; internal error messages reached the
 * browser. Over real HTTP: browser → proxy (toNodeHandler) → emulator (startEmulator).
 */
const KEY = 'emulator-hardening-key'
let emulator: RunningEmulator
let failingEmulator: RunningEmulator
let server: Server
let port: number
let failingPort: number
let restoreSaves = () => undefined as void

const proxyFor = (upstream: RunningEmulator) =>
  toNodeHandler({
    apiKey: KEY,
    upstreamUrl: upstream.url,
    identify: (request) => ({ customerId: request.headers.get('x-customer') ?? 'customer-pro' }),
    allow: { provisionCustomer: { plans: ['plan-free'] } },
  })

beforeAll(async () => {
  emulator = await startEmulator({ apiKey: KEY })
  // A storage whose saves fail, once started, with a message naming an internal path.
  let failSaves = false
  const storage = {
    load: (): Promise<EmulatorState | null> => Promise.resolve(null),
    save: (): Promise<void> => (failSaves ? Promise.reject(new Error("EACCES: permission denied, open '/srv/secret/stigg-data.json'")) : Promise.resolve()),
  }
  failingEmulator = await startEmulator({ apiKey: KEY, storage })
  failSaves = true
  restoreSaves = () => {
    failSaves = false
  }
  const healthy = proxyFor(emulator)
  const failing = proxyFor(failingEmulator)
  server = createServer((req, res) => (req.url === '/failing' ? failing : healthy)(req, res))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  port = (server.address() as AddressInfo).port
  failingPort = port
})

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()))
  await emulator.close()
  // close() flushes, and rightly fails when the state cannot be saved.
  restoreSaves()
  await failingEmulator.close()
})

afterEach(() => {
  vi.restoreAllMocks()
})

const provision = (customerId: string, path = '/', extra: Record<string, unknown> = {}) =>
  sendRaw(path === '/failing' ? failingPort : port, {
    method: 'POST',
    path,
    headers: { 'content-type': 'application/json', 'x-customer': customerId },
    body: Buffer.from(JSON.stringify({ query: provisionCustomerDocument, variables: { input: { customerId, name: 'Mallory', email: 'm@example.com', ...extra } } })),
  })

describe('emulator hardening', () => {
  it.each(['__proto__', 'constructor', 'hasOwnProperty', 'toString'])('customer id %s is an ordinary customer: Object.prototype untouched', async (customerId) => {
    const response = await provision(customerId, '/', { subscriptionParams: { planId: 'plan-free' } })
    expect(response.status).toBe(200)
    expect(JSON.parse(response.body)).toMatchObject({ data: { provisionCustomer: { customer: { id: customerId, name: 'Mallory' }, subscription: { plan: { id: 'plan-free' } } } } })
    const probe: Record<string, unknown> = {}
    expect(probe['name']).toBeUndefined()
    expect(probe['email']).toBeUndefined()
    expect(probe['updatedAt']).toBeUndefined()
    expect(Object.getPrototypeOf(probe)).toBe(Object.prototype)
    expect(emulator.emulator.admin.snapshot().customers[customerId]?.name).toBe('Mallory')
    // A second customer still starts from a clean record.
    expect(emulator.emulator.admin.snapshot().customers['customer-free']?.name).not.toBe('Mallory')
  })

  it('an internal failure is answered generically; its detail goes to the server log only', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    // Through the proxy: a 502 that names nothing internal.
    const proxied = await provision('customer-new', '/failing')
    expect(proxied.status).toBe(502)
    expect(proxied.body).not.toMatch(/EACCES|\/srv\/secret/)
    // The emulator's own answer (what any other caller sees): generic, pointing at the log.
    const direct = await sendRaw(Number(new URL(failingEmulator.url).port), {
      method: 'POST',
      path: '/graphql',
      headers: { 'content-type': 'application/json', 'x-api-key': KEY },
      body: Buffer.from(JSON.stringify({ query: provisionCustomerDocument, variables: { input: { customerId: 'customer-direct' } } })),
    })
    expect(direct.status).toBe(500)
    expect(direct.body).not.toMatch(/EACCES|\/srv\/secret/)
    const body = JSON.parse(direct.body) as { errors: Array<{ message: string; extensions: { code: string } }> }
    expect(body.errors[0]).toMatchObject({ message: expect.stringMatching(/server log/), extensions: { code: 'INTERNAL_SERVER_ERROR' } })
    expect(JSON.stringify(logged.mock.calls.map((call) => String(call[1])))).toMatch(/\/srv\/secret/)
  })
})
