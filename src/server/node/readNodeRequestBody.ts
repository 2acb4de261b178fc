import type { IncomingMessage } from 'node:http'
import { readNodeBody } from '../../graphql/node/readNodeBody'
import { bodyTimeout, MAX_BODY_BYTES } from '../readGraphQLRequest'
import type { DeadlineQueue } from '../upstream/DeadlineQueue'

/*
 * The request body on Node, for toNodeHandler: read only after the headers decided (method,
 * content type, identity), within the body deadline, or streamed to a Fetch handler that may
 * never read it; and whether bytes of it are still on the connection (then the answer closes it).
 */

/** What body parsers such as `express.json()` leave on the request. */
export type ParsedRequest = IncomingMessage & { body?: unknown; originalUrl?: string; _body?: boolean }

/**
 * The body a parser already read, or up to MAX_BODY_BYTES + 1 bytes (enough to see it is too
 * large) within the body deadline (`deadlines`, all of `timeoutMs`: one timer for every request).
 */
export function readNodeRequestBody(
  req: ParsedRequest,
  method: string,
  deadlines: DeadlineQueue,
  timeoutMs: number,
): Promise<{ body: Uint8Array | undefined; complete: boolean }> {
  if (method === 'GET' || method === 'HEAD') return Promise.resolve({ body: undefined, complete: true })
  const parsed = parsedBodyOf(req)
  if (parsed !== undefined) return Promise.resolve({ body: parsed, complete: true })
  return new Promise((resolve, reject) => {
    // The rest of a late body is never read: the answer closes the connection.
    const deadline = deadlines.start(() => reject(bodyTimeout(timeoutMs)))
    readNodeBody(
      req,
      MAX_BODY_BYTES,
      (body, complete) => {
        deadlines.cancel(deadline)
        resolve({ body, complete })
      },
      (error) => {
        deadlines.cancel(deadline)
        reject(error)
      },
    )
  })
}

/** What `express.json()` and similar parsers left on the request, as bytes. */
export function parsedBodyOf(req: ParsedRequest): Uint8Array | undefined {
  return req.body !== undefined && (req.readableEnded || req._body === true) ? parsedBody(req.body) : undefined
}

/** Whether bytes of a request body may still be on the connection. */
export function hasUnreadBody(req: ParsedRequest): boolean {
  if (req.readableEnded || req._body === true) return false
  const length = req.headers['content-length']
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0')
}

/** Node's request as a body stream, pulled as the handler reads it (it may never read it). */
export function streamOf(req: ParsedRequest): ReadableStream<Uint8Array> {
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
