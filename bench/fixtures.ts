// What several sections share: the key, the identity cookie, the request bodies, the bare anchor server.
import { Agent, request as httpRequest, type IncomingMessage, type RequestListener, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { toNodeHandler } from 'react-stigg/server'
import { entitlementsDocument } from '../src/core/documents'

/** The emulator's default key; the proxy adds it, browsers never see it. */
export const benchApiKey = 'emulator-api-key'

/** A seeded customer whose plan grants every feature the benchmark checks. */
export const benchCustomer = 'customer-pro'

/** The demo-style session cookie the proxy's `identify` reads. */
export const sessionCookie = `stigg-bench-session=${benchCustomer}`

export function customerFromCookie(cookie: string | null): string | null {
  const match = cookie?.match(/(?:^|;\s*)stigg-bench-session=([^;]+)/)
  return match?.[1] ?? null
}

/** Exactly what the client sends for one feature: its own batched document with one alias. */
export function entitlementRequestBody(featureId = 'feature-api-calls'): string {
  return JSON.stringify({
    query: entitlementsDocument(1),
    variables: { customerId: benchCustomer, f0: featureId },
  })
}

/** The anchor: what any JSON endpoint must do at least (read the body, answer JSON), nothing else. */
export const bareResponse = JSON.stringify({ data: { ok: true } })

export const bareHandler: RequestListener = (req, res) => {
  req.resume()
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(bareResponse) })
    res.end(bareResponse)
  })
}

/** Listens on 127.0.0.1, port 0, and answers the server's base URL. */
export function listen(server: Server): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo
      resolve(`http://127.0.0.1:${port}`)
    })
  })
}

/**
 * The proxy as an app mounts it: identity from the app's session cookie, upstream = the emulator.
 * `adapter`: the `toNodeHandler` to use (bench/serve.ts passes the shipped build's).
 */
export function createBenchProxy(
  upstreamUrl: string,
  upstreamFetch?: (request: Request) => Promise<Response>,
  adapter: typeof toNodeHandler = toNodeHandler,
): RequestListener {
  const nodeHandler = adapter({
    apiKey: benchApiKey,
    upstreamUrl,
    ...(upstreamFetch === undefined ? {} : { fetch: upstreamFetch }),
    // One load generator stands for many browsers: per-customer concurrency budgets would answer 429s, not measure the proxy.
    limits: { concurrent: false },
    identify: (request: Request) => {
      const customerId = customerFromCookie(request.headers.get('cookie'))
      return customerId === null ? null : { customerId }
    },
  })
  return (req: IncomingMessage, res) => {
    void nodeHandler(req, res)
  }
}

/**
 * The floor of any Node proxy: a keep-alive forwarder that checks nothing. It reads the body,
 * adds the key and pipes the upstream's answer back, over node:http both ways, as the proxy does.
 * The proxy's CPU per request is reported against it (`proxy.cpuVsForwarder`).
 */
export function createForwarder(upstreamUrl: string): RequestListener {
  const agent = new Agent({ keepAlive: true, maxSockets: 256 })
  const target = new URL(upstreamUrl)
  return (req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const body = Buffer.concat(chunks)
      const upstream = httpRequest(
        { hostname: target.hostname, port: target.port, path: target.pathname, method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': String(body.length), 'x-api-key': benchApiKey } },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, { 'content-type': 'application/json', ...(answer.headers['content-length'] ? { 'content-length': answer.headers['content-length'] } : {}) })
          answer.pipe(res)
        },
      )
      upstream.on('error', () => res.destroy())
      upstream.end(body)
    })
  }
}

/** The emulator's seeded customers and default features: the distinct-read load draws from them. */
const distinctCustomers = ['customer-free', 'customer-pro', 'customer-trial', 'customer-canceled', 'customer-paused', 'customer-enterprise']
const distinctFeatures = ['feature-api-calls', 'feature-seats', 'feature-sso', 'feature-analytics']

/**
 * 240 different reads (6 customers × every ordered batch of 1 to 3 of 4 features), each with its
 * customer's session cookie: far more than the connections in flight, so identical reads almost
 * never meet and the proxy's in-flight sharing cannot hide the cost of its checks.
 */
export function distinctReads(): Array<{ body: string; cookie: string }> {
  const batches: string[][] = []
  const grow = (batch: string[]) => {
    if (batch.length > 0) batches.push(batch)
    if (batch.length === 3) return
    for (const feature of distinctFeatures) if (!batch.includes(feature)) grow([...batch, feature])
  }
  grow([])
  return distinctCustomers.flatMap((customerId) =>
    batches.map((features) => ({
      body: JSON.stringify({
        query: entitlementsDocument(features.length),
        variables: Object.fromEntries([['customerId', customerId], ...features.map((feature, i) => [`f${i}`, feature])]),
      }),
      cookie: `stigg-bench-session=${customerId}`,
    })),
  )
}
