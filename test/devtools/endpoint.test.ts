// The devtools endpoint stiggDevPlugin mounts on the Vite dev server: what it changes, and whom it refuses.
import { request as httpRequest, IncomingMessage, ServerResponse } from 'node:http'
import { Socket } from 'node:net'
import { createStiggProxy } from 'react-stigg/server'
import { createEmulator } from 'react-stigg/emulator'
import { stiggDevPlugin } from 'react-stigg/vite'
import { createServer, preview, type PreviewServer, type ViteDevServer } from 'vite'
import { afterEach, describe, expect, it } from 'vitest'
import { entitlementsDocument } from '../../src/core/documents'

let server: ViteDevServer | PreviewServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

async function devServer(plugin: ReturnType<typeof stiggDevPlugin>): Promise<{ port: number; dev: ViteDevServer }> {
  const dev = await createServer({ configFile: false, logLevel: 'silent', root: import.meta.dirname, plugins: [plugin], server: { port: 0, host: '127.0.0.1', ws: false } })
  server = dev
  await dev.listen()
  const address = dev.httpServer?.address()
  if (!address || typeof address === 'string') throw new Error('the Vite dev server did not listen on a port')
  return { port: address.port, dev }
}

interface Answer {
  status: number
  json: any // eslint-disable-line @typescript-eslint/no-explicit-any
}

// node:http, not fetch: fetch will not let a test set Host.
function call(port: number, path: string, options: { method?: string; headers?: Record<string, string>; body?: unknown; timeoutMs?: number } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const body = options.body === undefined ? undefined : JSON.stringify(options.body)
    const request = httpRequest(
      { host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: { host: `127.0.0.1:${port}`, ...options.headers }, timeout: options.timeoutMs },
      (response) => {
        let text = ''
        response.setEncoding('utf8').on('data', (chunk: string) => (text += chunk)).on('end', () => {
          resolve({ status: response.statusCode ?? 0, json: text.startsWith('{') ? JSON.parse(text) : text })
        })
      },
    )
    request.on('timeout', () => request.destroy(new Error('timed out')))
    request.on('error', reject)
    request.end(body)
  })
}

const action = (port: number, body: unknown, headers: Record<string, string> = {}) =>
  call(port, '/__stigg/devtools/action', { method: 'POST', body, headers: { 'content-type': 'application/json', origin: `http://127.0.0.1:${port}`, ...headers } })

const readApiCalls = (port: number, customerId: string) =>
  call(port, '/api/stigg', {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: `stigg_demo_customer=${customerId}` },
    body: { query: entitlementsDocument(1), variables: { customerId, f0: 'feature-api-calls' } },
    timeoutMs: 1500,
  })

describe('the devtools endpoint of stiggDevPlugin (development)', () => {
  it('reports the customer, the catalog, usage and the next reset', async () => {
    const { port } = await devServer(stiggDevPlugin())
    const { status, json } = await call(port, '/__stigg/devtools/state?customerId=customer-free')
    expect(status).toBe(200)
    expect(json.customerId).toBe('customer-free')
    expect(json.subscription).toEqual({ planId: 'plan-free', status: 'ACTIVE' })
    expect(json.plans.map((plan: { id: string }) => plan.id)).toEqual(['plan-free', 'plan-pro', 'plan-enterprise'])
    expect(typeof json.usage['feature-api-calls']).toBe('number')
    expect(Date.parse(json.nextReset)).toBeGreaterThan(Date.parse(json.now))
    expect(json.outage).toBe('off')
  })

  it('sets usage, plan and status, advances the clock past the reset, and logs each change', async () => {
    const plugin = stiggDevPlugin()
    const { port } = await devServer(plugin)
    const admin = plugin.api.emulator!.admin
    expect((await action(port, { type: 'setUsage', customerId: 'customer-free', featureId: 'feature-api-calls', value: 1000 })).status).toBe(200)
    expect(admin.getUsage('customer-free', 'feature-api-calls')).toBe(1000)
    expect((await readApiCalls(port, 'customer-free')).json.data.e0).toMatchObject({ currentUsage: 1000, usageLimit: 1000 })

    const switched = await action(port, { type: 'setSubscription', customerId: 'customer-free', planId: 'plan-pro', status: 'PAUSED' })
    expect(switched.json.subscription).toEqual({ planId: 'plan-pro', status: 'PAUSED' })

    const before = (await call(port, '/__stigg/devtools/state?customerId=customer-free')).json
    const advanced = await action(port, { type: 'advanceToReset', customerId: 'customer-free' })
    expect(Date.parse(advanced.json.now)).toBeGreaterThan(Date.parse(before.nextReset))
    expect(advanced.json.usage['feature-api-calls']).toBe(0)
    expect(advanced.json.log.map((entry: { message: string }) => entry.message)).toEqual([
      'customer-free: usage of feature-api-calls set to 1000',
      'customer-free: subscription set to plan-pro, PAUSED',
      expect.stringMatching(/^clock advanced past customer-free's next reset/),
    ])
  })

  it('simulates an outage: the proxy answers 503, or never within the caller\'s patience, then recovers', async () => {
    const { port } = await devServer(stiggDevPlugin())
    expect((await readApiCalls(port, 'customer-pro')).status).toBe(200)
    expect((await action(port, { type: 'setOutage', outage: '503' })).json.outage).toBe('503')
    const down = await readApiCalls(port, 'customer-pro')
    expect(down.status).toBeGreaterThanOrEqual(502)
    expect(JSON.stringify(down.json)).not.toContain('"e0":{')
    await action(port, { type: 'setOutage', outage: 'timeout' })
    await expect(readApiCalls(port, 'customer-pro')).rejects.toThrow('timed out')
    const recovered = await action(port, { type: 'setOutage', outage: 'off' })
    expect(recovered.json.log.at(-1).message).toBe('outage off: the upstream answers again')
    expect((await readApiCalls(port, 'customer-pro')).status).toBe(200)
  }, 20_000)

  it('refuses a bad action with 400 and changes nothing', async () => {
    const plugin = stiggDevPlugin()
    const { port } = await devServer(plugin)
    const admin = plugin.api.emulator!.admin
    const usage = admin.getUsage('customer-free', 'feature-api-calls')
    const answers = await Promise.all([
      action(port, { type: 'setUsage', customerId: 'customer-free', featureId: 'feature-api-calls', value: -1 }),
      action(port, { type: 'setUsage', customerId: 'nobody', featureId: 'feature-api-calls', value: 1 }),
      action(port, { type: 'setSubscription', customerId: 'customer-free', planId: 'plan-gold' }),
      action(port, { type: 'dropTables' }),
      action(port, 'not an object'),
    ])
    expect(answers.map((answer) => answer.status)).toEqual([400, 400, 400, 400, 400])
    expect(answers[2]!.json.error).toContain('unknown plan "plan-gold"')
    expect(admin.getUsage('customer-free', 'feature-api-calls')).toBe(usage)
    expect(admin.snapshot().customers['customer-free']?.subscriptions.at(-1)?.planId).toBe('plan-free')
  })

  it('answers 403 to another origin, a foreign Host, a change without Origin or JSON, and a non-loopback peer; nothing changes', async () => {
    const plugin = stiggDevPlugin()
    const { port, dev } = await devServer(plugin)
    const admin = plugin.api.emulator!.admin
    const usage = admin.getUsage('customer-free', 'feature-api-calls')
    const change = { type: 'setUsage', customerId: 'customer-free', featureId: 'feature-api-calls', value: 999 }
    const answers = await Promise.all([
      action(port, change, { origin: 'http://evil.example' }),
      action(port, change, { host: `evil.example:${port}`, origin: `http://evil.example:${port}` }),
      call(port, '/__stigg/devtools/action', { method: 'POST', body: change, headers: { 'content-type': 'application/json' } }),
      action(port, change, { 'content-type': 'text/plain' }),
      call(port, '/__stigg/devtools/state?customerId=customer-free', { headers: { origin: 'http://evil.example' } }),
    ])
    expect(answers.map((answer) => answer.status)).toEqual([403, 403, 403, 403, 403])
    expect(answers[0]!.json.error).toContain('Origin "http://evil.example" is not this server')

    // A peer on another machine: the connection's remote address is all that differs.
    const socket = new Socket()
    Object.defineProperty(socket, 'remoteAddress', { value: '192.0.2.9' })
    const incoming = new IncomingMessage(socket)
    Object.assign(incoming, { method: 'GET', url: '/__stigg/devtools/state', headers: { host: `127.0.0.1:${port}` } })
    const outgoing = new ServerResponse(incoming)
    const ended = new Promise<number>((resolve) => {
      outgoing.end = ((..._args: unknown[]) => {
        resolve(outgoing.statusCode)
        return outgoing
      }) as typeof outgoing.end
    })
    dev.middlewares(incoming, outgoing, () => outgoing.end())
    expect(await ended).toBe(403)
    expect(admin.getUsage('customer-free', 'feature-api-calls')).toBe(usage)
  })
})

describe('the devtools endpoint in production', () => {
  it('is 404 on a dev server running with NODE_ENV=production', async () => {
    const previous = process.env['NODE_ENV']
    process.env['NODE_ENV'] = 'production'
    try {
      const plugin = stiggDevPlugin()
      const { port } = await devServer(plugin)
      const usage = plugin.api.emulator!.admin.getUsage('customer-free', 'feature-api-calls')
      const answer = await action(port, { type: 'setUsage', customerId: 'customer-free', featureId: 'feature-api-calls', value: 7 })
      expect(answer.status).toBe(404)
      expect(plugin.api.emulator!.admin.getUsage('customer-free', 'feature-api-calls')).toBe(usage)
    } finally {
      process.env['NODE_ENV'] = previous
    }
  })

  it('is 404 on vite preview', async () => {
    const plugin = stiggDevPlugin()
    const previewServer = await preview({ configFile: false, logLevel: 'silent', root: import.meta.dirname, plugins: [plugin], build: { outDir: import.meta.dirname }, preview: { port: 0, host: '127.0.0.1' } })
    server = previewServer
    const address = previewServer.httpServer.address()
    if (!address || typeof address === 'string') throw new Error('vite preview did not listen on a port')
    const usage = plugin.api.emulator!.admin.getUsage('customer-free', 'feature-api-calls')
    const answers = await Promise.all([
      call(address.port, '/__stigg/devtools/state?customerId=customer-free'),
      action(address.port, { type: 'setUsage', customerId: 'customer-free', featureId: 'feature-api-calls', value: 7 }),
    ])
    expect(answers.map((answer) => answer.status)).toEqual([404, 404])
    expect(plugin.api.emulator!.admin.getUsage('customer-free', 'feature-api-calls')).toBe(usage)
  })

  it('is absent from createStiggProxy: a devtools action sent to the production handler changes nothing', async () => {
    const emulator = createEmulator()
    const usage = emulator.admin.getUsage('customer-free', 'feature-api-calls')
    const handler = createStiggProxy({ apiKey: emulator.apiKey, upstreamUrl: 'http://emulator.local/graphql', fetch: emulator.fetch, identify: () => ({ customerId: 'customer-free' }) })
    const response = await handler(
      new Request('http://127.0.0.1/__stigg/devtools/action', {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: 'http://127.0.0.1' },
        body: JSON.stringify({ type: 'setUsage', customerId: 'customer-free', featureId: 'feature-api-calls', value: 7 }),
      }),
    )
    expect(response.status).toBe(400)
    expect(emulator.admin.getUsage('customer-free', 'feature-api-calls')).toBe(usage)
    expect(emulator.requests).toHaveLength(0)
  })
})
