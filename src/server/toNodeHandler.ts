import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http'
import { proxyCore, type ProxyCore } from './createStiggProxy'
import { lazyRequest } from './lazyRequest'
import { MAX_BODY_BYTES, readBufferedGraphQLRequest } from './readGraphQLRequest'
import type { StiggProxyHandler } from './types'

/** A `node:http` / Express / Connect request handler. */
export type NodeHandler = (req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void) => void

/** What body parsers such as `express.json()` leave on the request. */
type ParsedRequest = IncomingMessage & { body?: unknown; originalUrl?: string; _body?: boolean }

/**
 * Adapts a Fetch-API handler (such as {@link createStiggProxy}'s) to `node:http`, Express
 * and Connect. Works with or without `express.json()` in front of it. Errors go to `next`
 * when there is one.
 *
 * @example
 * app.post('/api/stigg', toNodeHandler(createStiggProxy({ apiKey, upstreamUrl, identify })))
 */
export function toNodeHandler(handler: StiggProxyHandler): NodeHandler {
  return (req, res, next) => {
    void serve(handler, req as ParsedRequest, res).catch((error: unknown) => {
      if (next) return next(error)
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' })
        res.end(JSON.stringify({ errors: [{ message: 'The Stigg proxy failed to handle this request.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }))
      } else {
        res.destroy()
      }
    })
  }
}

async function serve(handler: StiggProxyHandler, req: ParsedRequest, res: ServerResponse): Promise<void> {
  const method = req.method ?? 'GET'
  const headers = requestHeaders(req.headers)
  let body: Uint8Array<ArrayBuffer> | undefined
  let complete = true
  if (method !== 'GET' && method !== 'HEAD') {
    if (req.body !== undefined && (req.readableEnded || req._body === true)) {
      body = parsedBody(req.body)
    } else {
      ;({ bytes: body, complete } = await readBody(req, MAX_BODY_BYTES))
    }
  }
  const core = (handler as { [proxyCore]?: ProxyCore })[proxyCore]
  if (core) {
    // createStiggProxy's own handler: hand it the bytes already read and write its answer as is.
    // `identify` reads headers and cookies only, so its Request carries no body stream, and is
    // built only if something reads more than its method, URL and headers.
    const request = lazyRequest(requestUrl(req), method, headers)
    const answer = await core(request, () => readBufferedGraphQLRequest(request, body))
    if (!complete) answer.headers = { ...answer.headers, connection: 'close' }
    // A flat header list: no merged object per answer.
    const flat: string[] = []
    for (const name of Object.keys(answer.headers)) flat.push(name, answer.headers[name]!)
    flat.push('content-length', String(Buffer.byteLength(answer.body)))
    res.writeHead(answer.status, flat)
    res.end(answer.body)
    return
  }
  const response = await handler(new Request(requestUrl(req), { method, headers, ...(body === undefined ? {} : { body }) }))
  const payload = Buffer.from(await response.arrayBuffer())
  res.statusCode = response.status
  response.headers.forEach((value, name) => res.setHeader(name, value))
  // Rest of an over-long body stays unread: end the connection instead of draining it.
  if (!complete) res.setHeader('connection', 'close')
  res.end(payload)
}

function parsedBody(body: unknown): Uint8Array<ArrayBuffer> {
  if (body instanceof Uint8Array) return new Uint8Array(body)
  return new TextEncoder().encode(typeof body === 'string' ? body : JSON.stringify(body))
}

/** Reads up to `limit + 1` bytes, enough for the proxy to see the body is too large without reading all of it. */
function readBody(req: IncomingMessage, limit: number): Promise<{ bytes: Uint8Array<ArrayBuffer>; complete: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const finish = (complete: boolean) => {
      req.off('readable', onReadable).off('end', onEnd).off('error', reject)
      resolve({ bytes: new Uint8Array(Buffer.concat(chunks)), complete })
    }
    // 'readable' + read() costs measurably less per request than a 'data' listener (bench/).
    const onReadable = () => {
      for (let chunk = req.read() as Buffer | null; chunk !== null; chunk = req.read() as Buffer | null) {
        chunks.push(chunk)
        size += chunk.length
        if (size > limit) {
          // The rest stays unread; the answer closes the connection.
          finish(false)
          return
        }
      }
    }
    const onEnd = () => finish(true)
    req.on('readable', onReadable).on('end', onEnd).on('error', reject)
  })
}

/**
 * The browser's headers as a `Request` init. A plain record, not a `Headers`: `Request` copies
 * its init, and copying a `Headers` sorts it, which cost more per request than the firewall.
 * Node leaves only `set-cookie` as an array; such a request keeps every value as its own pair.
 */
function requestHeaders(incoming: IncomingHttpHeaders): Record<string, string> | Array<[string, string]> {
  const record: Record<string, string> = {}
  for (const name in incoming) {
    const value = incoming[name]
    if (value === undefined || skipHeader(name)) continue
    if (typeof value !== 'string') return headerPairs(incoming)
    record[name] = value
  }
  return record
}

function headerPairs(incoming: IncomingHttpHeaders): Array<[string, string]> {
  const pairs: Array<[string, string]> = []
  for (const [name, value] of Object.entries(incoming)) {
    if (value === undefined || skipHeader(name)) continue
    for (const item of Array.isArray(value) ? value : [value]) pairs.push([name, item])
  }
  return pairs
}

/** HTTP/2 pseudo-headers and the framing headers of the original body do not apply to the buffered copy. */
const skipHeader = (name: string): boolean => name.startsWith(':') || name === 'content-length' || name === 'transfer-encoding'

/** The last URL built: one app serves one path from one host, so the next request usually reuses it. */
let lastUrl: { host: string | undefined; path: string; href: string } | undefined

function requestUrl(req: ParsedRequest): string {
  const path = req.originalUrl ?? req.url ?? '/'
  const host = req.headers.host
  if (lastUrl !== undefined && host === lastUrl.host && path === lastUrl.path) return lastUrl.href
  const href = buildUrl(path, host)
  lastUrl = { host, path, href }
  return href
}

function buildUrl(path: string, host: string | undefined): string {
  try {
    return new URL(path, `http://${host ?? 'localhost'}`).href
  } catch {
    return new URL(path.startsWith('/') ? path : '/', 'http://localhost').href
  }
}
