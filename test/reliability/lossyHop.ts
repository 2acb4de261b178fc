import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { readBody } from './readBody'

/** A small seeded PRNG (mulberry32): the same seed gives the same fault sequence. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export interface LossyHopOptions {
  target: string
  seed: number
  /** Share of requests closed before they are forwarded. */
  dropRequest: number
  /** Share of requests forwarded and applied upstream whose answer is then thrown away. */
  dropResponse: number
  /** Share of requests forwarded twice (the second answer is discarded). */
  duplicate: number
  /** Called with each request body as received, before any fault. */
  onRequest?: (body: string) => void
}

export interface LossyHop {
  url: string
  stats: { requests: number; droppedRequests: number; droppedResponses: number; duplicated: number }
  close(): Promise<void>
}

/**
 * The unreliable network between a browser and the proxy: drops requests, drops responses
 * after the upstream applied them, and duplicates requests, each with a seeded probability.
 */
export async function startLossyHop(options: LossyHopOptions): Promise<LossyHop> {
  const random = seededRandom(options.seed)
  const stats = { requests: 0, droppedRequests: 0, droppedResponses: 0, duplicated: 0 }
  const sockets = new Set<Socket>()

  const forward = (req: IncomingMessage, body: Buffer) =>
    fetch(options.target, {
      method: 'POST',
      headers: { 'content-type': req.headers['content-type'] ?? '', cookie: req.headers.cookie ?? '' },
      body: new Uint8Array(body),
    })

  const server = createServer(async (req, res) => {
    const body = await readBody(req)
    stats.requests++
    options.onRequest?.(body.toString('utf8'))
    const roll = random()
    if (roll < options.dropRequest) {
      stats.droppedRequests++
      req.socket.destroy()
      return
    }
    const duplicate = roll >= options.dropRequest + options.dropResponse && roll < options.dropRequest + options.dropResponse + options.duplicate
    if (duplicate) stats.duplicated++
    try {
      const [response] = await Promise.all([
        forward(req, body).then(async (r) => ({ status: r.status, text: await r.text(), type: r.headers.get('content-type') })),
        duplicate ? forward(req, body).then((r) => r.text()) : Promise.resolve(''),
      ])
      if (roll < options.dropRequest + options.dropResponse) {
        stats.droppedResponses++
        req.socket.destroy()
        return
      }
      res.writeHead(response.status, { 'content-type': response.type ?? 'application/json' }).end(response.text)
    } catch {
      req.socket.destroy()
    }
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    stats,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      }),
  }
}
