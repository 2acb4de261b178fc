import { createStiggClient } from 'react-stigg'
import { stiggDevPlugin } from 'react-stigg/vite'
import { createLogger, createServer, type Logger, type ViteDevServer } from 'vite'
import { afterEach, describe, expect, it, vi } from 'vitest'

// A new user's first run: nobody told the dev proxy who is signed in. Every surface says how.
let server: ViteDevServer | undefined
afterEach(async () => {
  vi.restoreAllMocks()
  await server?.close()
  server = undefined
})

async function devServer(plugin: ReturnType<typeof stiggDevPlugin>): Promise<{ url: string; lines: string[] }> {
  const lines: string[] = []
  const logger: Logger = {
    ...createLogger('silent'),
    info: (message) => void lines.push(message),
    warn: (message) => void lines.push(message),
  }
  server = await createServer({ configFile: false, customLogger: logger, root: import.meta.dirname, plugins: [plugin], server: { port: 0, host: '127.0.0.1', ws: false } })
  await server.listen()
  const address = server.httpServer?.address()
  if (!address || typeof address === 'string') throw new Error('the Vite dev server did not listen on a port')
  return { url: `http://127.0.0.1:${address.port}/api/stigg`, lines }
}

const hintLines = (lines: string[]) => lines.filter((line) => line.includes('stigg_demo_customer'))

describe('development identity hints', () => {
  it('prints how the dev plugin identifies the customer once at start, and not with a custom identify', async () => {
    const withDefault = await devServer(stiggDevPlugin())
    expect(hintLines(withDefault.lines)).toHaveLength(1)
    expect(hintLines(withDefault.lines)[0]).toMatch(/\/api\/stigg.*document\.cookie.*identify/)
    await server?.close()

    const withIdentify = await devServer(stiggDevPlugin({ identify: () => null }))
    expect(hintLines(withIdentify.lines)).toEqual([])
  })

  it('answers a request without the cookie with a 401 that says how to sign in', async () => {
    const { url } = await devServer(stiggDevPlugin())
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ customerSubscriptions(customerId: "customer-pro") { id } }' }),
    })
    expect(response.status).toBe(401)
    const { errors } = (await response.json()) as { errors: [{ message: string; extensions: { code: string } }] }
    expect(errors[0].extensions.code).toBe('UNAUTHENTICATED')
    expect(errors[0].message).toMatch(/^Nobody is signed in\. .*"stigg_demo_customer" cookie.*stiggDevPlugin\(\{ identify \}\)/)
  })

  it('warns once in the browser client on a 401, and once on a 403, from the proxy', async () => {
    const { url } = await devServer(stiggDevPlugin())
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const anonymous = createStiggClient({ url })
    await expect(anonymous.getSubscriptions('customer-pro')).rejects.toMatchObject({ status: 401 })
    await expect(anonymous.getSubscriptions('customer-pro')).rejects.toMatchObject({ status: 401 })
    expect(consoleError).toHaveBeenCalledTimes(1)
    expect(String(consoleError.mock.calls[0]![0])).toMatch(/react-stigg: .* answered 401: Nobody is signed in\..*stigg_demo_customer/)

    // Signed in as one customer, asking for another: the proxy pins customers.
    const other = createStiggClient({ url, headers: { cookie: 'stigg_demo_customer=customer-free' } })
    await expect(other.getSubscriptions('customer-pro')).rejects.toMatchObject({ status: 403 })
    await expect(other.getSubscriptions('customer-pro')).rejects.toMatchObject({ status: 403 })
    expect(consoleError).toHaveBeenCalledTimes(2)
    expect(String(consoleError.mock.calls[1]![0])).toMatch(/answered 403: .*customerId must be the customer the proxy's identify\(\) returns/)
  })
})
