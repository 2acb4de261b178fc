import { startEmulator } from 'react-stigg/emulator'
import { stiggDevPlugin } from 'react-stigg/vite'
import { createServer, type ViteDevServer } from 'vite'
import { afterEach, describe, expect, it } from 'vitest'
import { entitlementsDocument } from '../../src/core/documents'

let server: ViteDevServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

async function devServer(plugin: ReturnType<typeof stiggDevPlugin>): Promise<string> {
  server = await createServer({
    configFile: false,
    logLevel: 'silent',
    root: import.meta.dirname,
    plugins: [plugin],
    server: { port: 0, host: '127.0.0.1', ws: false },
  })
  await server.listen()
  const address = server.httpServer?.address()
  if (!address || typeof address === 'string') throw new Error('the Vite dev server did not listen on a port')
  return `http://127.0.0.1:${address.port}`
}

const body = JSON.stringify({ query: entitlementsDocument(1), variables: { customerId: 'customer-free', f0: 'feature-api-calls' } })

describe('stiggDevPlugin in a Vite dev server', () => {
  it('serves /api/stigg from an in-process emulator, identifying by the demo cookie', async () => {
    const plugin = stiggDevPlugin()
    const url = await devServer(plugin)
    expect(plugin.api.emulator).toBeDefined()
    plugin.api.emulator?.admin.setUsage('customer-free', 'feature-api-calls', 42)

    const response = await fetch(`${url}/api/stigg`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: 'stigg_demo_customer=customer-free' },
      body,
    })
    const json = (await response.json()) as { data: { e0: { currentUsage: number } } }
    expect(response.status).toBe(200)
    expect(json.data.e0.currentUsage).toBe(42)
  })

  it('refuses without the cookie and for another customer', async () => {
    const url = await devServer(stiggDevPlugin())
    const anonymous = await fetch(`${url}/api/stigg`, { method: 'POST', headers: { 'content-type': 'application/json' }, body })
    const other = await fetch(`${url}/api/stigg`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: 'stigg_demo_customer=customer-pro' },
      body,
    })
    expect([anonymous.status, other.status]).toEqual([401, 403])
  })

  it('mounts at a custom path, with custom identify and allow', async () => {
    const plugin = stiggDevPlugin({ path: '/stigg', identify: () => ({ customerId: 'customer-free' }), allow: { reportUsage: { maxValue: 5 } } })
    const url = await devServer(plugin)
    const report = (value: number) =>
      fetch(`${url}/stigg`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: 'mutation R($input: ReportUsageInput!) { reportUsage(input: $input) { currentUsage } }',
          variables: { input: { customerId: 'customer-free', featureId: 'feature-api-calls', value } },
        }),
      })
    const before = plugin.api.emulator?.admin.getUsage('customer-free', 'feature-api-calls') ?? Number.NaN
    expect((await report(5)).status).toBe(200)
    expect((await report(6)).status).toBe(403)
    expect(plugin.api.emulator?.admin.getUsage('customer-free', 'feature-api-calls')).toBe(before + 5)
  })

  it('uses the upstream in STIGG_API_URL / STIGG_API_KEY when both are set, and loads no emulator', async () => {
    const upstream = await startEmulator({ port: 0, host: '127.0.0.1', apiKey: 'env-upstream-key' })
    process.env['STIGG_API_URL'] = upstream.url
    process.env['STIGG_API_KEY'] = 'env-upstream-key'
    try {
      const plugin = stiggDevPlugin()
      const url = await devServer(plugin)
      const response = await fetch(`${url}/api/stigg`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: 'stigg_demo_customer=customer-free' },
        body,
      })
      expect(response.status).toBe(200)
      expect(plugin.api.emulator).toBeUndefined()
      expect(upstream.emulator.requests).toHaveLength(1)
      expect(upstream.emulator.requests[0]?.headers['x-api-key']).toBe('env-upstream-key')
    } finally {
      delete process.env['STIGG_API_URL']
      delete process.env['STIGG_API_KEY']
      await upstream.close()
    }
  })
})
