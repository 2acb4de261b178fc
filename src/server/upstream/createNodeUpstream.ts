import type { Agent, ClientRequest, IncomingMessage, RequestOptions } from 'node:http'
import { UpstreamTooLarge, type UpstreamResponse, type UpstreamSender } from './UpstreamSender'

interface HttpModule {
  Agent: new (options: { keepAlive: boolean; maxSockets?: number }) => Agent
  request(options: RequestOptions, callback: (res: IncomingMessage) => void): ClientRequest
}

/**
 * On Node, the default upstream call goes over `node:http(s)` with a keep-alive agent
 * instead of the global fetch: under load, fetch's body streams, Request/Response objects
 * and abort signals cost the proxy more CPU than the whole firewall (profiled in bench/).
 * Returns undefined on other runtimes, which keep using `fetch`. `process.getBuiltinModule`
 * (Node ≥ 20.16) is looked up at run time so edge bundles never see a `node:` import.
 */
export function createNodeUpstream(url: string): UpstreamSender | undefined {
  const getBuiltin = (globalThis as { process?: { getBuiltinModule?: (name: string) => unknown } }).process?.getBuiltinModule
  if (typeof getBuiltin !== 'function') return undefined
  const target = new URL(url)
  const http = getBuiltin(target.protocol === 'https:' ? 'node:https' : 'node:http') as HttpModule | undefined
  if (!http) return undefined
  // One agent per proxy: connections to the upstream stay open between requests.
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 })
  // Resolved once: node:http would otherwise convert the URL on every call.
  const base: RequestOptions = {
    protocol: target.protocol,
    hostname: target.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: target.port === '' ? undefined : Number(target.port),
    path: `${target.pathname}${target.search}`,
    method: 'POST',
    agent,
    ...(target.username || target.password ? { auth: `${decodeURIComponent(target.username)}:${decodeURIComponent(target.password)}` } : {}),
  }

  const { protocol, hostname, port, path, auth } = base
  return (headers, body, sendOptions) => {
    let request: ClientRequest | undefined
    let aborted = false
    const response = new Promise<UpstreamResponse>((resolve, reject) => {
      const attempt = (retried: boolean): void => {
        // A literal of one fixed shape, not a spread: node:http reads these options many times per request.
        // The caller's headers as they are: `end(body)` below has node:http add Content-Length itself.
        const options: RequestOptions = { protocol, hostname, port, path, method: 'POST', agent, auth, headers }
        let answered = false
        const sent = http.request(options, (res) => {
          answered = true
          resolve(nodeResponse(res))
        })
        request = sent
        sent.on('error', (error: NodeJS.ErrnoException) => {
          // The upstream closed an idle keep-alive connection just as it was reused: nothing
          // reached it, so a read is sent once more on a fresh connection. Never a write.
          if (!answered && !retried && !aborted && sendOptions?.idempotent === true && sent.reusedSocket && isStaleSocket(error)) {
            attempt(true)
            return
          }
          reject(error)
        })
        sent.end(body)
      }
      attempt(false)
    })
    return {
      response,
      abort: () => {
        aborted = true
        request?.destroy(new Error('aborted'))
      },
    }
  }
}

const isStaleSocket = (error: NodeJS.ErrnoException): boolean => error.code === 'ECONNRESET' || error.code === 'EPIPE'

function nodeResponse(res: IncomingMessage): UpstreamResponse {
  const retryAfter = res.headers['retry-after']
  // Collect from the first byte (reading starts before `text()` is called), up to the cap `text` is given.
  const chunks: Buffer[] = []
  let size = 0
  let limit = Number.POSITIVE_INFINITY
  let fail: ((error: Error) => void) | undefined
  const overflow = (): void => {
    // Rejected first: destroying emits 'aborted' synchronously, which would reject as a broken connection.
    fail?.(new UpstreamTooLarge(limit))
    res.destroy()
  }
  const text = new Promise<string>((resolveText, rejectText) => {
    fail = rejectText
    res.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) return overflow()
      chunks.push(chunk)
    })
    // One chunk (a small answer) is decoded as it is, without a copy.
    res.on('end', () => resolveText((chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)).toString('utf8')))
    res.on('error', rejectText)
    res.on('aborted', () => rejectText(new Error('the upstream closed the connection mid-answer')))
  })
  text.catch(() => undefined) // observed by text() when the caller reads it
  return {
    status: res.statusCode ?? 502,
    retryAfter: typeof retryAfter === 'string' ? retryAfter : null,
    text: (maxBytes) => {
      limit = maxBytes
      const declared = Number(res.headers['content-length'])
      if (size > limit || (Number.isFinite(declared) && declared > limit)) overflow()
      return text
    },
    discard: () => res.destroy(),
  }
}
