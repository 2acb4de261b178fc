import { useCallback, useEffect, useState } from 'react'
import type { DevtoolsAction, DevtoolsState } from './DevtoolsProtocol'

/** What {@link useDevtoolsEndpoint} returns. */
export interface DevtoolsEndpoint {
  /** Null until the first answer, or when the endpoint is unreachable (see `error`). */
  state: DevtoolsState | null
  error: string | null
  busy: boolean
  /** Sends one action; resolves true when the endpoint applied it. */
  send(action: DevtoolsAction): Promise<boolean>
}

async function readAnswer(response: Response): Promise<DevtoolsState> {
  const body = (await response.json().catch(() => null)) as (DevtoolsState & { error?: string }) | null
  if (!response.ok || body === null) throw new Error(body?.error ?? `the devtools endpoint answered ${response.status}`)
  return body
}

/** The dev server's devtools endpoint for one customer: polled while `active`, refreshed after each action. */
export function useDevtoolsEndpoint(endpoint: string, customerId: string | null, active: boolean): DevtoolsEndpoint {
  const [state, setState] = useState<DevtoolsState | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const refresh = useCallback(async () => {
    const query = customerId === null ? '' : `?customerId=${encodeURIComponent(customerId)}`
    try {
      setState(await readAnswer(await fetch(`${endpoint}/state${query}`, { credentials: 'same-origin' })))
      setError(null)
    } catch (failure) {
      setError(`Cannot reach ${endpoint}: ${(failure as Error).message}. Is stiggDevPlugin() in vite.config?`)
    }
  }, [endpoint, customerId])

  useEffect(() => {
    if (!active) return
    void refresh()
    // The emulator changes under the panel too (reports, other tabs): keep usage and the log current.
    const timer = setInterval(() => void refresh(), 3000)
    return () => clearInterval(timer)
  }, [active, refresh])

  const send = useCallback(
    async (action: DevtoolsAction) => {
      setBusy(true)
      try {
        await readAnswer(
          await fetch(`${endpoint}/action`, {
            method: 'POST',
            credentials: 'same-origin',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(action),
          }),
        )
        await refresh()
        setError(null)
        return true
      } catch (failure) {
        setError((failure as Error).message)
        return false
      } finally {
        setBusy(false)
      }
    },
    [endpoint, refresh],
  )

  return { state, error, busy, send }
}
