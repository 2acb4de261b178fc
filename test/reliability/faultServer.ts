import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { readBody } from './readBody'

/** What the fault server does with the next requests. */
export type FaultMode = 'pass' | 'hang' | 'status500' | 'status429' | 'reset' | 'garbage' | 'drip'

export interface FaultServer {
  /** Where to send requests, e.g. `http://127.0.0.1:PORT/graphql`. */
  url: string
  setMode(mode: FaultMode): void
  /** Requests received, whatever the mode. */
  hits(): number
  /** Connections a `hang` or `drip` is holding open right now (a `drip` counts once its headers are out). */
  held(): number
  /** Destroys connections a `hang` or `drip` is holding open, as a crashed hop would. */
  dropStuck(): void
  close(): Promise<void>
}

/**
 * A controllable HTTP hop on 127.0.0.1:0 in front of `target` (the proxy or the emulator):
 * it forwards faithfully in `pass` mode and misbehaves in the others, so tests can put a fault
 * between browser and proxy or between proxy and upstream and then clear it.
 */
export async function startFaultServer(target: string): Promise<FaultServer> {
  let mode: FaultMode = 'pass'
  let hits = 0
  const stuck = new Set<Socket>()
  const sockets = new Set<Socket>()

  async function forward(req: IncomingMessage, body: Buffer): Promise<Response> {
    const headers = new Headers()
    for (const [name, value] of Object.entries(req.headers)) {
      if (value === undefined || ['host', 'connection', 'content-length', 'transfer-encoding'].includes(name)) continue
      headers.set(name, Array.isArray(value) ? value.join(', ') : value)
    }
    return fetch(target, { method: req.method ?? 'POST', headers, body: body.length > 0 ? new Uint8Array(body) : undefined })
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    hits++
    const body = await readBody(req)
    switch (mode) {
      case 'hang':
        stuck.add(req.socket)
        return
      case 'status500':
        res.writeHead(500, { 'content-type': 'text/html' }).end('<h1>Internal Server Error</h1>')
        return
      case 'status429':
        res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '1' }).end('{"message":"Too Many Requests"}')
        return
      case 'reset':
        req.socket.resetAndDestroy()
        return
      case 'garbage':
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"data": {"e0": {"isGranted": tru')
        return
      case 'drip': {
        // Headers and a real answer promised, then one byte at a time, slower than anyone waits.
        const upstream = await forward(req, body)
        const text = Buffer.from(await upstream.text())
        res.writeHead(upstream.status, { 'content-type': 'application/json', 'content-length': String(text.length) })
        stuck.add(req.socket)
        let sent = 0
        const timer = setInterval(() => {
          if (res.destroyed || sent >= text.length - 1) return clearInterval(timer)
          res.write(text.subarray(sent, sent + 1))
          sent++
        }, 50)
        res.on('close', () => clearInterval(timer))
        return
      }
      case 'pass': {
        const upstream = await forward(req, body)
        const headers: Record<string, string> = {}
        upstream.headers.forEach((value, name) => {
          if (name !== 'content-length' && name !== 'transfer-encoding' && name !== 'connection') headers[name] = value
        })
        res.writeHead(upstream.status, headers).end(Buffer.from(await upstream.arrayBuffer()))
      }
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(599).end(String(error))
      else res.destroy()
    })
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => {
      sockets.delete(socket)
      stuck.delete(socket)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo

  return {
    url: `http://127.0.0.1:${port}/graphql`,
    setMode: (next) => void (mode = next),
    hits: () => hits,
    held: () => stuck.size,
    dropStuck: () => {
      for (const socket of stuck) socket.destroy()
      stuck.clear()
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      }),
  }
}
