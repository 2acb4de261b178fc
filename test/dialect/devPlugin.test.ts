import { stiggDevPlugin } from 'react-stigg/vite'
import { createServer, type ViteDevServer } from 'vite'
import { afterEach, describe, expect, it } from 'vitest'

let server: ViteDevServer | undefined
const previous = process.env['STIGG_DIALECT']
afterEach(async () => {
  await server?.close()
  server = undefined
  if (previous === undefined) delete process.env['STIGG_DIALECT']
  else process.env['STIGG_DIALECT'] = previous
})

describe('stiggDevPlugin with STIGG_DIALECT=stigg and no real upstream', () => {
  it("routes the proxy through the in-process emulator's hosted schema", async () => {
    process.env['STIGG_DIALECT'] = 'stigg'
    const plugin = stiggDevPlugin({ identify: () => ({ customerId: 'customer-free' }) })
    server = await createServer({ configFile: false, logLevel: 'silent', root: import.meta.dirname, plugins: [plugin], server: { port: 0, host: '127.0.0.1', ws: false } })
    await server.listen()
    const address = server.httpServer?.address()
    if (!address || typeof address === 'string') throw new Error('the Vite dev server did not listen on a port')
    const response = await fetch(`http://127.0.0.1:${address.port}/api/stigg`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ e0: customerEntitlement(customerId: "customer-free", featureId: "feature-api-calls") { currentUsage resetPeriod } }' }),
    })
    expect(await response.json()).toEqual({ data: { e0: { currentUsage: 120, resetPeriod: 'MONTHLY' } } })
    expect(plugin.api.emulator?.requests.map((request: { path: string }) => request.path)).toEqual(['/hosted/graphql'])
  })
})
