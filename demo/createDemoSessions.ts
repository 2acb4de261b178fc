import { randomBytes } from 'node:crypto'
import { demoCustomers } from './demoCustomers'

/** The demo's session cookie: an opaque token, so the browser never holds (or forges) a customer id. */
export const DEMO_SESSION_COOKIE = 'acme_demo_session'

// Enough for any number of tabs and test runs; the oldest session goes first past it.
const MAX_SESSIONS = 1000

/** Server-side sessions of the demo app, as a real app's login would keep them. */
export interface DemoSessions {
  /** Starts a session for a seeded customer, ending the one `cookieHeader` names; returns its token. */
  signIn(customerId: string, cookieHeader: string | null | undefined): string
  /** Ends the session `cookieHeader` names, if any. */
  signOut(cookieHeader: string | null | undefined): void
  /** The customer of the session `cookieHeader` names; unknown, expired or absent tokens are nobody. */
  customerOf(cookieHeader: string | null | undefined): string | null
}

/** The session token in a `Cookie` header, or null. */
function tokenOf(cookieHeader: string | null | undefined): string | null {
  for (const part of (cookieHeader ?? '').split(';')) {
    const separator = part.indexOf('=')
    if (separator !== -1 && part.slice(0, separator).trim() === DEMO_SESSION_COOKIE) {
      return part.slice(separator + 1).trim()
    }
  }
  return null
}

/**
 * An in-memory session store for the demo. `identify` in the proxy and the sign-in endpoints
 * share one store, so the proxy learns the customer from the server's own records.
 */
export function createDemoSessions(): DemoSessions {
  const sessions = new Map<string, string>()

  const end = (cookieHeader: string | null | undefined) => {
    const token = tokenOf(cookieHeader)
    if (token !== null) sessions.delete(token)
  }

  return {
    signIn(customerId, cookieHeader) {
      if (!demoCustomers.some((customer) => customer.id === customerId)) {
        const known = demoCustomers.map((customer) => customer.id).join(', ')
        throw new RangeError(`"${customerId}" is not a demo customer; use one of: ${known}`)
      }
      // A fresh token on every sign-in: a token planted before sign-in never gains a customer.
      end(cookieHeader)
      const token = randomBytes(24).toString('base64url')
      sessions.set(token, customerId)
      if (sessions.size > MAX_SESSIONS) {
        const oldest = sessions.keys().next().value
        if (oldest !== undefined) sessions.delete(oldest)
      }
      return token
    },
    signOut: end,
    customerOf(cookieHeader) {
      const token = tokenOf(cookieHeader)
      return token === null ? null : (sessions.get(token) ?? null)
    },
  }
}
