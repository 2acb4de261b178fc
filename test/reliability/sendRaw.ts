import { request as httpRequest } from 'node:http'

export interface RawResponse {
  status: number
  headers: Record<string, string>
  body: string
}

export interface RawRequest {
  method: string
  path: string
  headers: Record<string, string>
  body?: Buffer
  chunks?: Buffer[]
  /** Sent as the Content-Length header whatever the body's real length. */
  contentLength?: number
}

/**
 * One HTTP/1.1 request with exactly the bytes and headers given (node:http's client, with its
 * own Content-Length handling bypassed), so tests can lie about lengths or stream chunks. The
 * connection is destroyed once the answer is read: a server that answers before reading a body
 * the client is still "sending" must not leave the test waiting.
 */
export function sendRaw(port: number, raw: RawRequest): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { ...raw.headers, connection: 'close' }
    if (raw.contentLength !== undefined) headers['content-length'] = String(raw.contentLength)
    else if (raw.body !== undefined) headers['content-length'] = String(raw.body.length)
    const req = httpRequest({ host: '127.0.0.1', port, method: raw.method, path: raw.path, headers })
    req.on('response', (res) => {
      const parts: Buffer[] = []
      res.on('data', (part: Buffer) => parts.push(part))
      res.on('end', () => {
        const flat: Record<string, string> = {}
        for (const [name, value] of Object.entries(res.headers)) {
          if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value
        }
        resolve({ status: res.statusCode ?? 0, headers: flat, body: Buffer.concat(parts).toString('utf8') })
        req.destroy()
      })
      res.on('error', reject)
    })
    // A server may answer and close while we are still writing a lying body: that is a pass, not an error.
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') reject(error)
    })
    if (raw.chunks !== undefined) {
      for (const chunk of raw.chunks) req.write(chunk)
      req.end()
    } else if (raw.body !== undefined) {
      req.write(raw.body)
      // A body shorter than the announced length is left open: the server must not wait forever for it.
      if (raw.contentLength === undefined || raw.contentLength <= raw.body.length) req.end()
    } else {
      req.end()
    }
  })
}
