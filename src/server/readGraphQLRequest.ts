import { parseGraphQLRequest, type GraphQLRequestBody } from '../graphql/parseGraphQLRequest'
import { ProxyRefusal } from './ProxyRefusal'

/** 64 KB: the client's largest request (100 entitlement checks) is about 12 KB. */
export const MAX_BODY_BYTES = 64 * 1024

/** Method and media type, checked before `identify` runs and before any byte of the body is read. */
export function checkEnvelope(request: Request): void {
  if (request.method !== 'POST') {
    throw new ProxyRefusal(405, 'METHOD_NOT_ALLOWED', `The Stigg proxy accepts POST only, not ${request.method}.`, {
      headers: { allow: 'POST' },
    })
  }
  const contentType = request.headers.get('content-type') ?? ''
  // What every browser fetch sends: no split and trim per request.
  if (contentType === 'application/json' || contentType === 'application/json; charset=utf-8') return
  const [mediaType = '', ...parameters] = contentType.split(';').map((part) => part.trim().toLowerCase())
  const charset = parameters.find((parameter) => parameter.startsWith('charset='))?.slice('charset='.length)
  if (mediaType !== 'application/json' || (charset !== undefined && charset.replace(/"/g, '') !== 'utf-8')) {
    throw new ProxyRefusal(
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      `The Stigg proxy accepts Content-Type: application/json only, not "${contentType || '(none)'}".`,
    )
  }
}

/**
 * Reads at most {@link MAX_BODY_BYTES}, counting the bytes that actually arrive, within
 * `timeoutMs` (a browser that trickles its body must not hold the request open for minutes),
 * and checks the JSON shape.
 */
export async function readGraphQLRequest(request: Request, timeoutMs = Number.POSITIVE_INFINITY): Promise<GraphQLRequestBody> {
  const declared = Number(request.headers.get('content-length'))
  if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) throw tooLarge()
  if (request.bodyUsed) throw bodyConsumed()
  if (!request.body) throw noBody()

  const chunks: Uint8Array[] = []
  let size = 0
  const reader = request.body.getReader()
  let timer: ReturnType<typeof setTimeout> | undefined
  const deadline = Number.isFinite(timeoutMs)
    ? new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(bodyTimeout(timeoutMs)), timeoutMs)
      })
    : undefined
  deadline?.catch(() => undefined) // observed through the race below
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>
    try {
      chunk = await (deadline ? Promise.race([reader.read(), deadline]) : reader.read())
    } catch (error) {
      clearTimeout(timer)
      await reader.cancel().catch(() => undefined)
      throw error
    }
    const { done, value } = chunk
    if (done) break
    size += value.byteLength
    if (size > MAX_BODY_BYTES) {
      clearTimeout(timer)
      await reader.cancel().catch(() => undefined)
      throw tooLarge()
    }
    chunks.push(value)
  }
  clearTimeout(timer)
  const bytes = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }

  return parseBytes(bytes)
}

/**
 * The same checks on a body `toNodeHandler` already read (at most {@link MAX_BODY_BYTES} + 1
 * bytes): reading it again from the `Request`'s stream would only cost time.
 */
export function readBufferedGraphQLRequest(request: Request, bytes: Uint8Array | undefined): GraphQLRequestBody {
  if (request.bodyUsed) throw bodyConsumed()
  if (bytes === undefined) throw noBody()
  if (bytes.byteLength > MAX_BODY_BYTES) throw tooLarge()
  return parseBytes(bytes)
}

const tooLarge = () =>
  new ProxyRefusal(413, 'PAYLOAD_TOO_LARGE', `The request body is larger than ${MAX_BODY_BYTES} bytes, the Stigg proxy's limit.`)
/** 408: the browser did not finish sending its body within `limits.bodyTimeoutMs` (the Node adapter then closes the connection). */
export const bodyTimeout = (timeoutMs: number) =>
  new ProxyRefusal(408, 'REQUEST_TIMEOUT', `The request body did not arrive within ${timeoutMs} ms (limits.bodyTimeoutMs), the Stigg proxy's limit.`)
const noBody = () => new ProxyRefusal(400, 'BAD_REQUEST', 'The request has no body: send { "query": "…" } as JSON.')
const bodyConsumed = () =>
  new Error('The request body was already read before the Stigg proxy got it: identify() must not consume the body.')

// Stateless without `stream: true`, so one decoder serves every request.
const utf8 = new TextDecoder('utf-8', { fatal: true })

function parseBytes(bytes: Uint8Array): GraphQLRequestBody {
  let parsed: unknown
  try {
    parsed = JSON.parse(utf8.decode(bytes))
  } catch {
    throw new ProxyRefusal(400, 'BAD_REQUEST', 'The request body is not valid UTF-8 JSON.')
  }
  const body = parseGraphQLRequest(parsed)
  if (typeof body === 'string') throw new ProxyRefusal(400, 'BAD_REQUEST', body)
  return body
}
