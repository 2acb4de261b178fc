import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http'
import { readNodeBody } from '../../graphql/node/readNodeBody'
import { writeNodeAnswer } from '../../graphql/node/writeNodeAnswer'
import { createProxyPipeline, type ProxyPipeline } from '../createProxyPipeline'
import { bodyTimeout, MAX_BODY_BYTES, readBufferedGraphQLRequest } from '../readGraphQLRequest'
import type { StiggProxyHandler, StiggProxyOptions } from '../types'
import { lazyRequest } from './lazyRequest'

/** A `node:http` / Express / Connect request handler. */
export type NodeHandler = (req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void) => void

/** What body parsers such as `express.json()` leave on the request. */
type ParsedRequest = IncomingMessage & { body?: unknown; originalUrl?: string; _body?: boolean }

type Serve = (req: ParsedRequest, res: ServerResponse) => Promise<void>

/**
 * The proxy for `node:http`, Express and Connect. Given {@link StiggProxyOptions}, it runs the
 * proxy pipeline straight on Node's request (no Fetch `Request`/`Response` per request: the
 * fast path, see the README's Performance section). Given any Fetch-API handler, such as
 * `createStiggProxy`'s, it adapts it through `Request`/`Response`. Works with or without
 * `express.json()` in front of it. Errors go to `next` when there is one.
 *
 * @example
 * app.post('/api/stigg', toNodeHandler({ apiKey, upstreamUrl, identify }))
 * // or, for any Fetch-API handler:
 * app.post('/api/stigg', toNodeHandler(createStiggProxy({ apiKey, upstreamUrl, identify })))
 */
export function toNodeHandler(proxy: StiggProxyOptions | StiggProxyHandler): NodeHandler {
  const serve: Serve = typeof proxy === 'function' ? serveFetch(proxy) : servePipeline(createProxyPipeline(proxy, 'toNodeHandler'))
  return (req, res, next) => {
    void serve(req as ParsedRequest, res).catch((error: unknown) => {
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

/**
 * The pipeline on Node's own objects: method, content type and identity are decided from the
 * headers before any byte of the body is read; the body is then read once, within the deadline.
 */
function servePipeline(pipeline: ProxyPipeline): Serve {
  const requestUrl = createUrlCache()
  return async (req, res) => {
    const method = req.method ?? 'GET'
    // `identify` reads headers and cookies only: its Request carries no body stream, and is built
    // only if something reads more than its method, URL and headers.
    const request = lazyRequest(requestUrl(req), method, requestHeaders(req.headers))
    let read: { body: Uint8Array | undefined; complete: boolean } | undefined
    const answer = await pipeline.handle(request, async () => {
      read = await readRequestBody(req, method, pipeline.bodyTimeoutMs)
      return readBufferedGraphQLRequest(request, read.body)
    })
    // A body refused unread (from the headers), cut off at the size limit or late: end the
    // connection instead of draining the rest.
    writeNodeAnswer(res, answer, read === undefined ? hasUnreadBody(req) : !read.complete || !req.readableEnded)
  }
}

/** Any Fetch-API handler, through a real `Request` and `Response`; the body streams, so the handler decides before it is read. */
function serveFetch(handler: StiggProxyHandler): Serve {
  const requestUrl = createUrlCache()
  return async (req, res) => {
    const method = req.method ?? 'GET'
    const parsed = parsedBodyOf(req)
    const body = method === 'GET' || method === 'HEAD' ? undefined : parsed ? new Uint8Array(parsed) : streamOf(req)
    const init: RequestInit & { duplex?: 'half' } = { method, headers: requestHeaders(req.headers), ...(body === undefined ? {} : { body, duplex: 'half' }) }
    const response = await handler(new Request(requestUrl(req), init))
    const payload = Buffer.from(await response.arrayBuffer())
    res.statusCode = response.status
    response.headers.forEach((value, name) => res.setHeader(name, value))
    // A body the handler left unread (refused from the headers, or over its limit): end the
    // connection instead of draining it.
    if (hasUnreadBody(req)) res.setHeader('connection', 'close')
    res.end(payload)
  }
}

/** The body a parser already read, or up to MAX_BODY_BYTES + 1 bytes (enough to see it is too large) within `timeoutMs`. */
function readRequestBody(req: ParsedRequest, method: string, timeoutMs: number): Promise<{ body: Uint8Array | undefined; complete: boolean }> {
  if (method === 'GET' || method === 'HEAD') return Promise.resolve({ body: undefined, complete: true })
  const parsed = parsedBodyOf(req)
  if (parsed !== undefined) return Promise.resolve({ body: parsed, complete: true })
  return new Promise((resolve, reject) => {
    // The rest of a late body is never read: the answer closes the connection.
    const timer = setTimeout(() => reject(bodyTimeout(timeoutMs)), timeoutMs)
    readNodeBody(
      req,
      MAX_BODY_BYTES,
      (body, complete) => {
        clearTimeout(timer)
        resolve({ body, complete })
      },
      (error) => {
        clearTimeout(timer)
        reject(error)
      },
    )
  })
}

/** What `express.json()` and similar parsers left on the request, as bytes. */
function parsedBodyOf(req: ParsedRequest): Uint8Array | undefined {
  return req.body !== undefined && (req.readableEnded || req._body === true) ? parsedBody(req.body) : undefined
}

/** Whether bytes of a request body may still be on the connection. */
function hasUnreadBody(req: ParsedRequest): boolean {
  if (req.readableEnded || req._body === true) return false
  const length = req.headers['content-length']
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0')
}

/** Node's request as a body stream, pulled as the handler reads it (it may never read it). */
function streamOf(req: ParsedRequest): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      req.pause()
      req.on('data', (chunk: Buffer) => {
        controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength))
        if ((controller.desiredSize ?? 0) <= 0) req.pause()
      })
      req.on('end', () => controller.close())
      req.on('error', (error) => controller.error(error))
    },
    pull() {
      req.resume()
    },
    cancel() {
      req.pause()
    },
  })
}

function parsedBody(body: unknown): Uint8Array {
  if (body instanceof Uint8Array) return body
  return new TextEncoder().encode(typeof body === 'string' ? body : JSON.stringify(body))
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

/** The request's absolute URL, remembering the last one: one app serves one path from one host. */
function createUrlCache(): (req: ParsedRequest) => string {
  let last: { host: string | undefined; path: string; href: string } | undefined
  return (req) => {
    const path = req.originalUrl ?? req.url ?? '/'
    const host = req.headers.host
    if (last !== undefined && host === last.host && path === last.path) return last.href
    const href = buildUrl(path, host)
    last = { host, path, href }
    return href
  }
}

function buildUrl(path: string, host: string | undefined): string {
  try {
    return new URL(path, `http://${host ?? 'localhost'}`).href
  } catch {
    return new URL(path.startsWith('/') ? path : '/', 'http://localhost').href
  }
}
