import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http'
import { writeNodeAnswer } from '../../graphql/node/writeNodeAnswer'
import { createProxyPipeline, type ProxyPipeline } from '../createProxyPipeline'
import { readBufferedGraphQLRequest } from '../readGraphQLRequest'
import type { StiggProxyHandler, StiggProxyOptions } from '../types'
import { lazyRequest } from './lazyRequest'
import { DeadlineQueue } from '../upstream/DeadlineQueue'
import { hasUnreadBody, parsedBodyOf, readNodeRequestBody, streamOf, type ParsedRequest } from './readNodeRequestBody'

/** A `node:http` / Express / Connect request handler. */
export type NodeHandler = (req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void) => void


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
    let served: Promise<void>
    try {
      served = serve(req as ParsedRequest, res)
    } catch (error) {
      served = Promise.reject(error)
    }
    void served.catch((error: unknown) => {
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
  const bodyDeadlines = new DeadlineQueue(pipeline.bodyTimeoutMs)
  // Not an async function: one `.then` on the pipeline's answer instead of an async frame and an await per request.
  return (req, res) => {
    const method = req.method ?? 'GET'
    // `identify` reads headers and cookies only: its Request carries no body stream, and is built
    // only if something reads more than its method, URL and headers.
    const request = lazyRequest(requestUrl(req), method, requestHeaders(req.headers))
    let read: { body: Uint8Array | undefined; complete: boolean } | undefined
    const readBody = () =>
      readNodeRequestBody(req, method, bodyDeadlines, pipeline.bodyTimeoutMs).then((result) => {
        read = result
        return readBufferedGraphQLRequest(request, result.body)
      })
    return pipeline.handle(request, readBody).then((answer) => {
      // A body refused unread (from the headers), cut off at the size limit or late: end the
      // connection instead of draining the rest.
      writeNodeAnswer(res, answer, read === undefined ? hasUnreadBody(req) : !read.complete || !req.readableEnded)
    })
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
