import { useCallback, useEffect, useState } from 'react'
import type { DemoSession } from '../demoSessionPlugin'

export type DemoSessionState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | ({ status: 'ready' } & DemoSession)

const callSession = async (path: string, init?: RequestInit): Promise<DemoSession> => {
  const response = await fetch(path, { credentials: 'same-origin', ...init })
  const body = (await response.json()) as DemoSession | { error: string }
  if (!response.ok || 'error' in body) {
    throw new Error('error' in body ? body.error : `${path} answered ${response.status}`)
  }
  return body
}

/**
 * The demo's login: the server owns the session cookie, the page only learns who it is.
 * The customer id handed to `<StiggProvider>` always comes back from the server.
 */
export function useDemoSession() {
  const [state, setState] = useState<DemoSessionState>({ status: 'loading' })

  const run = useCallback((request: Promise<DemoSession>) => {
    request.then(
      (session) => setState({ status: 'ready', ...session }),
      (error: unknown) => setState({ status: 'error', message: (error as Error).message }),
    )
  }, [])

  useEffect(() => run(callSession('/demo/session')), [run])

  const signIn = useCallback(
    (customerId: string) =>
      run(
        callSession('/demo/sign-in', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ customerId }),
        }),
      ),
    [run],
  )
  const signOut = useCallback(() => run(callSession('/demo/sign-out', { method: 'POST' })), [run])

  return { state, signIn, signOut }
}
