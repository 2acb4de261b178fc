import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Connect, Plugin } from 'vite'
import { DEMO_SESSION_COOKIE, type DemoSessions } from './createDemoSessions'
import { demoCustomers } from './demoCustomers'

const MAX_BODY_BYTES = 1024

/** What `GET /demo/session` answers; the browser learns its customer from here, never asserts it. */
export interface DemoSession {
  customerId: string | null
  customers: typeof demoCustomers
}

/** A JSON answer that no cache keeps. */
export const sendJson = (res: ServerResponse, status: number, body: unknown): void => {
  res.statusCode = status
  res.setHeader('Content-Type', 'application/json; charset=utf-8')
  res.setHeader('Cache-Control', 'no-store')
  res.end(JSON.stringify(body))
}

/** The request's JSON body, refusing more than 1 KB. */
export const readJsonBody = async (req: IncomingMessage): Promise<unknown> => {
  let size = 0
  const chunks: Buffer[] = []
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > MAX_BODY_BYTES) throw new Error(`body is larger than ${MAX_BODY_BYTES} bytes`)
    chunks.push(chunk as Buffer)
  }
  return JSON.parse(Buffer.concat(chunks).toString('utf8'))
}

const sessionCookie = (value: string, maxAgeSeconds?: number): string =>
  [
    `${DEMO_SESSION_COOKIE}=${value}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Lax',
    ...(maxAgeSeconds === undefined ? [] : [`Max-Age=${maxAgeSeconds}`]),
  ].join('; ')

const sessionOf = (sessions: DemoSessions, req: IncomingMessage): DemoSession => ({
  customerId: sessions.customerOf(req.headers.cookie),
  customers: demoCustomers,
})

const signIn = async (sessions: DemoSessions, req: IncomingMessage, res: ServerResponse): Promise<void> => {
  // JSON only: a cross-site HTML form cannot send it, so no one can sign a visitor in silently.
  if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
    sendJson(res, 415, { error: 'POST /demo/sign-in expects Content-Type: application/json' })
    return
  }
  let body: unknown
  try {
    body = await readJsonBody(req)
  } catch (error) {
    sendJson(res, 400, { error: `POST /demo/sign-in could not read its JSON body: ${(error as Error).message}` })
    return
  }
  const customerId = (body as { customerId?: unknown } | null)?.customerId
  if (typeof customerId !== 'string' || !demoCustomers.some((customer) => customer.id === customerId)) {
    const known = demoCustomers.map((customer) => customer.id).join(', ')
    sendJson(res, 400, { error: `POST /demo/sign-in needs {"customerId"} set to one of: ${known}` })
    return
  }
  res.setHeader('Set-Cookie', sessionCookie(sessions.signIn(customerId, req.headers.cookie)))
  sendJson(res, 200, { customerId, customers: demoCustomers } satisfies DemoSession)
}

const demoRequestHandler =
  (sessions: DemoSessions): Connect.NextHandleFunction =>
  (req, res, next) => {
    const path = (req.url ?? '').split('?')[0]
    if (!path?.startsWith('/demo/')) return next()
    if (path === '/demo/session' && req.method === 'GET') {
      sendJson(res, 200, sessionOf(sessions, req))
    } else if (path === '/demo/sign-in' && req.method === 'POST') {
      signIn(sessions, req, res).catch(next)
    } else if (path === '/demo/sign-out' && req.method === 'POST') {
      sessions.signOut(req.headers.cookie)
      res.setHeader('Set-Cookie', sessionCookie('', 0))
      sendJson(res, 200, { customerId: null, customers: demoCustomers } satisfies DemoSession)
    } else {
      sendJson(res, 404, {
        error: `${req.method} ${path} is not a demo endpoint; use GET /demo/session, POST /demo/sign-in, POST /demo/sign-out or POST /demo/upgrade`,
      })
    }
  }

/**
 * The demo's stand-in for an app's login: `/demo/*` endpoints over a server-side session store.
 * The proxy's `identify` asks the same store, so the browser never names its own customer.
 */
export function demoSessionPlugin(sessions: DemoSessions): Plugin {
  const handle = demoRequestHandler(sessions)
  return {
    name: 'react-stigg:demo-session',
    configureServer(server) {
      server.middlewares.use(handle)
    },
    configurePreviewServer(server) {
      server.middlewares.use(handle)
    },
  }
}
