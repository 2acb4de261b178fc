// toNodeHandler(options) runs the proxy pipeline on Node's objects; toNodeHandler(handler) adapts a
// Fetch-API handler through Request/Response. Both paths must answer the same bytes, statuses and headers.
import { createServer, request as httpRequest, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { startEmulator, type RunningEmulator } from 'react-stigg/emulator'
import { createStiggProxy, toNodeHandler, type StiggProxyOptions } from 'react-stigg/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { entitlementsDocument } from '../../src/core/documents'

let emulator: RunningEmulator
const servers: Server[] = []
let direct: string
let wrapped: string
const identities: Array<{ bodyUsed: boolean; cookie: string | null }> = []

beforeAll(async () => {
  emulator = await startEmulator({ apiKey: 'fast-path-key' })
  // No `fetch` option: the upstream call goes over node:http to a real emulator port.
  const options: StiggProxyOptions = {
    apiKey: 'fast-path-key',
    upstreamUrl: emulator.url,
    identify: (request) => {
      identities.push({ bodyUsed: request.bodyUsed, cookie: request.headers.get('cookie') })
      const customerId = request.headers.get('cookie')?.match(/sid=([^;]+)/)?.[1]
      return customerId ? { customerId } : null
    },
  }
  direct = await listen(createServer(toNodeHandler(options)))
  // A Fetch-API handler: toNodeHandler must take the generic Request/Response path.
  wrapped = await listen(createServer(toNodeHandler(createStiggProxy(options))))
})

afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  }
  await emulator.close()
})

async function listen(server: Server): Promise<string> {
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/stigg`
}

function post(url: string, body: string, cookie?: string): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const headers = { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) }
    const req = httpRequest(url, { method: 'POST', headers }, (res) => {
      let text = ''
      res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }))
    })
    req.on('error', reject)
    req.end(body)
  })
}

const batch = (customerId: string, ...features: string[]) =>
  JSON.stringify({ query: entitlementsDocument(features.length), variables: { customerId, ...Object.fromEntries(features.map((f, i) => [`f${i}`, f])) } })

describe('toNodeHandler(options): the pipeline on node:http', () => {
  const cases: Array<[string, string, string | undefined]> = [
    ['granted batch', batch('customer-pro', 'feature-api-calls', 'feature-sso'), 'sid=customer-pro'],
    ['another customer in the variables', batch('customer-free', 'feature-sso'), 'sid=customer-pro'],
    ['nobody signed in', batch('customer-pro', 'feature-sso'), undefined],
    ['not JSON', '{"query": ', 'sid=customer-pro'],
    ['unknown feature (upstream GraphQL error)', batch('customer-pro', 'feature-nope'), 'sid=customer-pro'],
    ['too large', JSON.stringify({ query: `{ __typename }${' '.repeat(70_000)}` }), 'sid=customer-pro'],
  ]

  const expected: Record<string, number> = {
    'granted batch': 200,
    'another customer in the variables': 403,
    'nobody signed in': 401,
    'not JSON': 400,
    'unknown feature (upstream GraphQL error)': 200,
    'too large': 413,
  }

  it.each(cases)('answers %s exactly like the generic path', async (_, body, cookie) => {
    const fast = await post(direct, body, cookie)
    const slow = await post(wrapped, body, cookie)
    expect(fast.status).toBe(slow.status)
    expect(fast.headers['content-type']).toBe(slow.headers['content-type'])
    expect(fast.headers['cache-control']).toBe('no-store')
    expect(fast.headers['connection']).toBe(slow.headers['connection'])
    // Dates in the answer (usagePeriodEnd) are equal within one run: same store, same period.
    expect(fast.body).toBe(slow.body)
    expect(fast.status).toBe(expected[_])
  })

  it('gives identify the headers and cookies, never a consumed body', async () => {
    identities.length = 0
    await post(direct, batch('customer-pro', 'feature-sso'), 'sid=customer-pro')
    expect(identities).toEqual([{ bodyUsed: false, cookie: 'sid=customer-pro' }])
  })
})
