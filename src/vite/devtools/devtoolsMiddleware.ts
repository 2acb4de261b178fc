import type { IncomingMessage, ServerResponse } from 'node:http'
import { readNodeBody } from '../../graphql/node/readNodeBody'
import type { DevtoolsControl } from '../../emulator/createDevtoolsControl'

type Middleware = (request: IncomingMessage, response: ServerResponse, next: () => void) => void

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]'])
const maxBody = 16 * 1024

const isLoopbackAddress = (address: string | undefined): boolean =>
  address !== undefined && (/^127\./.test(address) || address === '::1' || /^::ffff:127\./.test(address))

function send(response: ServerResponse, status: number, body: unknown): void {
  response.statusCode = status
  response.setHeader('content-type', 'application/json; charset=utf-8')
  response.setHeader('cache-control', 'no-store')
  response.end(JSON.stringify(body))
}

/**
 * Why a request may not drive the emulator, or null when it may: it must come from this
 * machine (loopback peer), name a loopback Host (no DNS rebinding), and — for changes — carry
 * the page's own Origin and a JSON body (so another site's form or fetch cannot).
 */
function refusal(request: IncomingMessage): string | null {
  if (!isLoopbackAddress(request.socket.remoteAddress)) return `the peer ${request.socket.remoteAddress ?? 'unknown'} is not loopback`
  const host = request.headers.host ?? ''
  const hostname = host.replace(/:\d+$/, '')
  if (!loopbackHosts.has(hostname)) return `the Host "${host}" is not a loopback name`
  const origin = request.headers.origin
  if (origin !== undefined && origin !== `http://${host}` && origin !== `https://${host}`) return `the Origin "${origin}" is not this server`
  if (request.method === 'POST') {
    if (origin === undefined) return 'a change must carry the Origin header'
    if (!/^application\/json\b/i.test(request.headers['content-type'] ?? '')) return 'a change must be sent as application/json'
  }
  return null
}

/** The endpoint in development: `GET /state?customerId=`, `POST /action`. */
export function devtoolsMiddleware(control: DevtoolsControl | undefined): Middleware {
  return (request, response) => {
    const refused = refusal(request)
    if (refused) return send(response, 403, { error: `react-stigg devtools refused the request: ${refused}.` })
    if (!control) return send(response, 501, { error: 'react-stigg devtools need the in-process emulator; unset STIGG_API_URL/STIGG_API_KEY.' })
    const url = new URL(request.url ?? '/', 'http://devtools.local')
    if (request.method === 'GET' && url.pathname === '/state') return send(response, 200, control.state(url.searchParams.get('customerId')))
    if (request.method !== 'POST' || url.pathname !== '/action') return send(response, 404, { error: `react-stigg devtools: no ${request.method} ${url.pathname}` })
    readNodeBody(
      request,
      maxBody,
      (body, complete) => {
        if (!complete) return send(response, 413, { error: `react-stigg devtools: the action is larger than ${maxBody} bytes` })
        try {
          send(response, 200, control.apply(JSON.parse(body.toString('utf8'))))
        } catch (error) {
          send(response, 400, { error: `react-stigg devtools: ${(error as Error).message}` })
        }
      },
      (error) => send(response, 400, { error: `react-stigg devtools: ${error.message}` }),
    )
  }
}

/** The endpoint in production (`vite preview`, NODE_ENV=production): not there. */
export const devtoolsAbsent: Middleware = (_request, response) => {
  send(response, 404, { error: 'react-stigg devtools exist only on the development server.' })
}
