import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Connect, Plugin } from 'vite'
import { DEMO_CUSTOMER_COOKIE } from '../src/server'
import { demoCustomers } from './demoCustomers'

const MAX_BODY_BYTES = 1024

/** What `GET /demo/session` answers; the browser learns its customer from here, never asserts it. */
export interface DemoSession {
  customerId: string | null
  customers: typeof demoCustomers
}

const sendJson = (res: ServerResponse, status: number, body: unknown): void => {
  res.statusCode = status
  res.setHeader('Content-Type', 'application/json; charset=utf-8')
  res.setHeader('Cache-Control', 'no-store')
  res.end(JSON.stringify(body))
}

/** The signed-in demo customer named by a `Cookie` header; anything else (stale, forged, absent) is nobody. */
export function readDemoCustomer(cookieHeader: string | null | undefined): string | null {
  for (const part of (cookieHeader ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=')
    if (name === DEMO_CUSTOMER_COOKIE) {
      const id = decodeURIComponent(value.join('='))
      return demoCustomers.some((customer) => customer.id === id) ? id : null
    }
  }
  return null
}

const readJsonBody = async (req: IncomingMessage): Promise<unknown> => {
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
    `${DEMO_CUSTOMER_COOKIE}=${encodeURIComponent(value)}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Lax',
    ...(maxAgeSeconds === undefined ? [] : [`Max-Age=${maxAgeSeconds}`]),
  ].join('; ')

const signIn = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
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
  res.setHeader('Set-Cookie', sessionCookie(customerId))
  sendJson(res, 200, { customerId, customers: demoCustomers } satisfies DemoSession)
}

const handleDemoRequest: Connect.NextHandleFunction = (req, res, next) => {
  const path = (req.url ?? '').split('?')[0]
  if (!path?.startsWith('/demo/')) return next()
  if (path === '/demo/session' && req.method === 'GET') {
    sendJson(res, 200, { customerId: readDemoCustomer(req.headers.cookie), customers: demoCustomers } satisfies DemoSession)
  } else if (path === '/demo/sign-in' && req.method === 'POST') {
    signIn(req, res).catch(next)
  } else if (path === '/demo/sign-out' && req.method === 'POST') {
    res.setHeader('Set-Cookie', sessionCookie('', 0))
    sendJson(res, 200, { customerId: null, customers: demoCustomers } satisfies DemoSession)
  } else {
    sendJson(res, 404, {
      error: `${req.method} ${path} is not a demo endpoint; use GET /demo/session, POST /demo/sign-in or POST /demo/sign-out`,
    })
  }
}

/**
 * The demo's stand-in for an app's login: a cookie session among the seeded customers.
 * The proxy's `identify` reads the same cookie, so the browser never names its own customer.
 */
export function demoSessionPlugin(): Plugin {
  return {
    name: 'react-stigg:demo-session',
    configureServer(server) {
      server.middlewares.use(handleDemoRequest)
    },
    configurePreviewServer(server) {
      server.middlewares.use(handleDemoRequest)
    },
  }
}
