import { createServer, request as httpRequest, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import express from 'express'
import { createEmulator } from 'react-stigg/emulator'
import { createStiggProxy, toNodeHandler, type NodeHandler, type StiggProxyOptions } from 'react-stigg/server'
import { afterEach, describe, expect, it } from 'vitest'
import { subscriptionsDocument } from '../../src/core/documents'

const emulator = createEmulator({ apiKey: 'adapter-suite-key' })
// The app's own session lookup: here a bearer token naming the customer.
const options: StiggProxyOptions = {
  apiKey: emulator.apiKey,
  upstreamUrl: 'http://emulator.test/graphql',
  fetch: emulator.fetch,
  identify: (request) => {
    const token = request.headers.get('authorization')?.replace(/^Bearer /, '')
    return token ? { customerId: token } : null
  },
}
const POST = createStiggProxy(options)
// toNodeHandler takes the options (the pipeline on Node's objects) or any Fetch-API handler.
const nodeHandlers: Array<[string, () => NodeHandler]> = [
  ['toNodeHandler(options)', () => toNodeHandler(options)],
  ['toNodeHandler(createStiggProxy(options))', () => toNodeHandler(POST)],
]

const servers: Server[] = []
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  }
})

async function listen(server: Server): Promise<string> {
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

const body = JSON.stringify({ query: subscriptionsDocument, variables: { customerId: 'customer-pro' } })
const headers = { 'content-type': 'application/json', authorization: 'Bearer customer-pro' }

async function expectServed(response: Response) {
  const json = (await response.json()) as { data: { customerSubscriptions: Array<{ plan: { id: string } }> } }
  expect(response.status).toBe(200)
  expect(json.data.customerSubscriptions[0]?.plan.id).toBe('plan-pro')
}

describe('Next.js App Router style: export const POST = createStiggProxy(...)', () => {
  it('answers a plain Request with a Response', async () => {
    const response = await POST(new Request('http://localhost:3000/api/stigg', { method: 'POST', headers, body }))
    expect(response).toBeInstanceOf(Response)
    await expectServed(response)
  })
})

describe.each(nodeHandlers)('%s', (_name, nodeHandler) => {
  it('serves under a bare node:http server', async () => {
    const url = await listen(createServer(nodeHandler()))
    await expectServed(await fetch(`${url}/api/stigg`, { method: 'POST', headers, body }))
    const refused = await fetch(`${url}/api/stigg`, { method: 'POST', headers: { 'content-type': 'application/json' }, body })
    expect(refused.status).toBe(401)
    expect(((await refused.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]?.extensions.code).toBe('UNAUTHENTICATED')
  })

  it('answers 405 with Allow to GET under node:http', async () => {
    const url = await listen(createServer(nodeHandler()))
    const response = await fetch(`${url}/api/stigg`, { headers })
    expect(response.status).toBe(405)
    expect(response.headers.get('allow')).toBe('POST')
  })

  it('refuses a streamed body over 64 KB under node:http and closes the connection', async () => {
    const url = new URL(`${await listen(createServer(nodeHandler()))}/api/stigg`)
    const { status, code } = await new Promise<{ status: number; code: string }>((resolve, reject) => {
      const req = httpRequest(url, { method: 'POST', headers }, (res) => {
        let text = ''
        res.on('data', (chunk: Buffer) => (text += chunk.toString()))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, code: (JSON.parse(text) as { errors: Array<{ extensions: { code: string } }> }).errors[0]?.extensions.code ?? '' }))
      })
      req.on('error', reject)
      // Chunked, no Content-Length: 100 KB in 1 KB pieces; the server answers before it has read it all.
      const piece = 'x'.repeat(1024)
      for (let i = 0; i < 100; i++) req.write(piece)
      req.end()
    })
    expect(status).toBe(413)
    expect(code).toBe('PAYLOAD_TOO_LARGE')
  })

  it('serves under Express 5', async () => {
    const app = express()
    app.post('/api/stigg', nodeHandler())
    const url = await listen(createServer(app))
    await expectServed(await fetch(`${url}/api/stigg`, { method: 'POST', headers, body }))
  })

  it('serves under Express 5 after express.json() already parsed the body', async () => {
    const app = express()
    app.use(express.json())
    app.post('/api/stigg', nodeHandler())
    const url = await listen(createServer(app))
    await expectServed(await fetch(`${url}/api/stigg`, { method: 'POST', headers, body }))
    // A parsed batch is still a batch.
    const batch = await fetch(`${url}/api/stigg`, { method: 'POST', headers, body: `[${body}]` })
    expect(batch.status).toBe(400)
  })

  it('passes handler failures to next() under Express', async () => {
    const app = express()
    app.post('/api/stigg', toNodeHandler(() => Promise.reject(new Error('handler broke'))))
    const seen: unknown[] = []
    app.use((error: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
      seen.push(error)
      res.status(599).end()
    })
    const url = await listen(createServer(app))
    const response = await fetch(`${url}/api/stigg`, { method: 'POST', headers, body })
    expect(response.status).toBe(599)
    expect(seen).toEqual([expect.objectContaining({ message: 'handler broke' })])
  })
})

describe('toNodeHandler(options)', () => {
  it('checks the options at creation and names itself in the error', () => {
    expect(() => toNodeHandler({ ...options, apiKey: '' })).toThrow(/^toNodeHandler: options\.apiKey is missing/)
  })
})
