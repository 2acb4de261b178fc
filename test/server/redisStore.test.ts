import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { createServer as createNetServer, type AddressInfo } from 'node:net'
import { Redis } from 'ioredis'
import { startEmulator, type RunningEmulator } from 'react-stigg/emulator'
import { createRedisStore, createStiggProxy, type StiggProxyEvent } from 'react-stigg/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { entitlementsDocument, reportUsageDocument } from '../../src/core/documents'

// A real redis-server, never a mock: CI installs it (.ci/run). Missing → this suite FAILS, it is not skipped.
const REDIS_SERVER = '/usr/bin/redis-server'
const apiKey = 'redis-suite-key'

let redis: ChildProcess | undefined
let redisPort = 0
let emulator: RunningEmulator
let counter: Server
let upstreamUrl: string
const upstreamCalls: string[] = []
const clients: Redis[] = []

/** A free port: bind 127.0.0.1:0, read it, close (redis-server has no port 0). */
async function freePort(): Promise<number> {
  const server = createNetServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return port
}

async function startRedis(): Promise<void> {
  if (!existsSync(REDIS_SERVER)) {
    throw new Error(`redis-server is not installed at ${REDIS_SERVER}: install it (apt-get install -y redis-server; .ci/run does) to run the Redis store tests.`)
  }
  redisPort = await freePort()
  const child = spawn(REDIS_SERVER, ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'inherit'] })
  redis = child
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`redis-server did not start on port ${redisPort} within 5 s`)), 5_000)
    child.once('exit', (code) => reject(new Error(`redis-server exited with code ${code} before accepting connections`)))
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('Ready to accept connections')) {
        clearTimeout(timer)
        resolve()
      }
    })
  })
}

beforeAll(async () => {
  await startRedis()
  emulator = await startEmulator({ port: 0, host: '127.0.0.1', apiKey })
  counter = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8')
      upstreamCalls.push(body)
      void fetch(emulator.url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': apiKey }, body }).then(async (answer) => {
        res.writeHead(answer.status, { 'content-type': 'application/json' })
        res.end(await answer.text())
      })
    })
  })
  await new Promise<void>((resolve) => counter.listen(0, '127.0.0.1', resolve))
  upstreamUrl = `http://127.0.0.1:${(counter.address() as AddressInfo).port}/graphql`
})

afterAll(async () => {
  for (const client of clients) client.disconnect()
  redis?.kill('SIGKILL')
  counter?.closeAllConnections()
  await new Promise((resolve) => counter?.close(resolve))
  await emulator?.close()
})

/** One proxy instance with its own Redis connection, as separate processes would have. */
function instance() {
  // No offline queue and one retry: with Redis gone, commands fail at once instead of piling up.
  const client = new Redis({ host: '127.0.0.1', port: redisPort, lazyConnect: false, enableOfflineQueue: false, maxRetriesPerRequest: 1 })
  client.on('error', () => undefined) // reconnect errors are expected once Redis is killed
  clients.push(client)
  const events: StiggProxyEvent[] = []
  const handler = createStiggProxy({
    apiKey,
    upstreamUrl,
    identify: (request) => ({ customerId: request.headers.get('x-test-customer') ?? '' }),
    allow: { reportUsage: { maxValue: 100 } },
    cache: { ttlMs: 30_000, store: createRedisStore(client, { prefix: `test-${redisPort}:` }) },
    onEvent: (event) => events.push(event),
  })
  const send = async (customerId: string, body: unknown) => {
    const response = await handler(
      new Request('http://app.test/api/stigg', { method: 'POST', headers: { 'content-type': 'application/json', 'x-test-customer': customerId }, body: JSON.stringify(body) }),
    )
    return { status: response.status, json: (await response.json()) as { data?: Record<string, Record<string, unknown>>; errors?: unknown } }
  }
  const ready = new Promise<void>((resolve) => (client.status === 'ready' ? resolve() : client.once('ready', () => resolve())))
  return { send, events, ready }
}

const read = (customerId: string) => ({ query: entitlementsDocument(1), variables: { customerId, f0: 'feature-api-calls' } })
const report = (customerId: string, value: number) => ({ query: reportUsageDocument, variables: { input: { customerId, featureId: 'feature-api-calls', value } } })
const usageOf = (answer: { json: { data?: Record<string, Record<string, unknown>> } }) => answer.json.data?.['e0']?.['currentUsage']

describe('createRedisStore against a real redis-server', () => {
  it('two proxy instances share answers and invalidation through Redis; with Redis gone they answer from upstream', async () => {
    const a = instance()
    const b = instance()
    await Promise.all([a.ready, b.ready])

    const first = await a.send('customer-pro', read('customer-pro'))
    expect(first.status).toBe(200)
    expect(await b.send('customer-pro', read('customer-pro'))).toEqual(first)
    expect(upstreamCalls).toHaveLength(1) // B was answered from what A stored in Redis
    expect(b.events.flatMap((event) => (event.type === 'allowed' ? [event.source] : []))).toEqual(['cache'])

    // Another customer is never served A's answer.
    const free = await b.send('customer-free', read('customer-free'))
    expect(upstreamCalls).toHaveLength(2)
    expect(free.json).not.toEqual(first.json)

    // A usage report through B retires the customer's answer for A too.
    expect((await b.send('customer-pro', report('customer-pro', 4))).status).toBe(200)
    const fresh = await a.send('customer-pro', read('customer-pro'))
    expect(usageOf(fresh)).toBe((usageOf(first) as number) + 4)
    expect(upstreamCalls).toHaveLength(4)

    // Redis goes away: no errors to the browser, answers come from upstream, failures are reported.
    redis!.kill('SIGKILL')
    await new Promise((resolve) => redis!.once('exit', resolve))
    const calls = upstreamCalls.length
    for (const proxy of [a, b]) expect(await proxy.send('customer-pro', read('customer-pro'))).toEqual({ status: 200, json: fresh.json })
    for (const proxy of [a, b]) expect((await proxy.send('customer-pro', report('customer-pro', 1))).status).toBe(200)
    expect(upstreamCalls.length).toBe(calls + 4)
    expect([...a.events, ...b.events].some((event) => event.type === 'store_error')).toBe(true)
    expect([...a.events, ...b.events].filter((event) => event.type === 'error' || event.type === 'upstream_error')).toEqual([])
  })

  it('increment counts from 0 and keeps the expiry of the first write', async () => {
    // Redis was killed by the test above; this one needs its own.
    await startRedis()
    const client = new Redis({ host: '127.0.0.1', port: redisPort, maxRetriesPerRequest: 1 })
    clients.push(client)
    const store = createRedisStore(client, { prefix: 'inc:' })
    expect(await store.increment('budget', 3, 1_000)).toBe(3)
    expect(await store.increment('budget', -1, 60_000)).toBe(2)
    const ttl = await client.pttl('inc:budget')
    expect(ttl).toBeGreaterThan(0)
    expect(ttl).toBeLessThanOrEqual(1_000)
    await store.set('k', 'v', 1_000)
    expect(await store.get('k')).toBe('v')
    expect(await store.get('missing')).toBeUndefined()
  })
})
