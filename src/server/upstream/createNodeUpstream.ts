import type { Agent, ClientRequest, IncomingMessage, RequestOptions } from 'node:http'
import type { UpstreamResponse, UpstreamSender } from './UpstreamSender'

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
  return (headers, body) => {
    let request: ClientRequest | undefined
    const response = new Promise<UpstreamResponse>((resolve, reject) => {
      // A literal of one fixed shape, not a spread: node:http reads these options many times per request.
      const options: RequestOptions = { protocol, hostname, port, path, method: 'POST', agent, auth, headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } }
      request = http.request(options, (res) => {
        const retryAfter = res.headers['retry-after']
        // Collect from the first byte: reading starts before `text()` is called.
        const chunks: Buffer[] = []
        const text = new Promise<string>((resolveText, rejectText) => {
          res.on('data', (chunk: Buffer) => chunks.push(chunk))
          res.on('end', () => resolveText(Buffer.concat(chunks).toString('utf8')))
          res.on('error', rejectText)
          res.on('aborted', () => rejectText(new Error('the upstream closed the connection mid-answer')))
        })
        text.catch(() => undefined) // observed by text() when the caller reads it
        resolve({ status: res.statusCode ?? 502, retryAfter: typeof retryAfter === 'string' ? retryAfter : null, text: () => text, discard: () => res.destroy() })
      })
      request.on('error', reject)
      request.end(body)
    })
    return { response, abort: () => request?.destroy(new Error('aborted')) }
  }
}
