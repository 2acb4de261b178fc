import { Agent, request as httpRequest } from 'node:http'

/**
 * A `fetch` over node:http with a keep-alive agent, for the proxy's `fetch` option. Only the
 * diagnostic row uses it: it separates the proxy's own cost from the cost of Node's built-in
 * fetch client, which the default configuration pays on every upstream call.
 */
export function createNodeHttpFetch(): (request: Request) => Promise<Response> {
  const agent = new Agent({ keepAlive: true, maxSockets: 64 })
  return async (request) => {
    const url = new URL(request.url)
    if (url.protocol !== 'http:') throw new Error(`bench nodeHttpFetch: only http: upstreams are supported, got ${request.url}`)
    const body = Buffer.from(await request.arrayBuffer())
    return new Promise<Response>((resolve, reject) => {
      const req = httpRequest(
        url,
        { method: request.method, agent, headers: { ...Object.fromEntries(request.headers), 'content-length': String(body.byteLength) } },
        (res) => {
          const chunks: Buffer[] = []
          res.on('data', (chunk: Buffer) => chunks.push(chunk))
          res.on('error', reject)
          res.on('end', () => {
            const headers = new Headers()
            for (const [name, value] of Object.entries(res.headers)) {
              if (typeof value === 'string') headers.set(name, value)
              else if (Array.isArray(value)) for (const item of value) headers.append(name, item)
            }
            resolve(new Response(Buffer.concat(chunks), { status: res.statusCode ?? 502, headers }))
          })
        },
      )
      request.signal.addEventListener('abort', () => req.destroy(new Error('aborted')), { once: true })
      req.on('error', reject)
      req.end(body)
    })
  }
}
