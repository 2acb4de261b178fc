import { useCallback, useEffect, useState } from 'react'
import type { DevtoolsAction, DevtoolsDriver, DevtoolsState } from './DevtoolsProtocol'

/** What {@link useDevtoolsDriver} returns. */
export interface DevtoolsConnection {
  /** Null until the first answer, or when the driver cannot be reached (see `error`). */
  state: DevtoolsState | null
  error: string | null
  busy: boolean
  /** Sends one action; resolves true when it was applied. */
  send(action: DevtoolsAction): Promise<boolean>
}

async function readAnswer(response: Response): Promise<DevtoolsState> {
  const body = (await response.json().catch(() => null)) as (DevtoolsState & { error?: string }) | null
  if (!response.ok || body === null) throw new Error(body?.error ?? `the devtools endpoint answered ${response.status}`)
  return body
}

/** The dev server's endpoint (`stiggDevPlugin` mounts it) as a driver. */
export function createHttpDriver(endpoint: string): DevtoolsDriver {
  return {
    async state(customerId) {
      const query = customerId === null ? '' : `?customerId=${encodeURIComponent(customerId)}`
      try {
        return await readAnswer(await fetch(`${endpoint}/state${query}`, { credentials: 'same-origin' }))
      } catch (failure) {
        throw new Error(`Cannot reach ${endpoint}: ${(failure as Error).message}. Is stiggDevPlugin() in vite.config?`)
      }
    },
    async apply(action) {
      const init: RequestInit = { method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json' }, body: JSON.stringify(action) }
      return readAnswer(await fetch(`${endpoint}/action`, init))
    },
  }
}

/** The driver's state for one customer: polled while `active`, refreshed after each action. */
export function useDevtoolsDriver(driver: DevtoolsDriver, customerId: string | null, active: boolean): DevtoolsConnection {
  const [state, setState] = useState<DevtoolsState | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const refresh = useCallback(async () => {
    try {
      setState(await driver.state(customerId))
      setError(null)
    } catch (failure) {
      setError((failure as Error).message)
    }
  }, [driver, customerId])

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
        await driver.apply(action)
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
    [driver, refresh],
  )

  return { state, error, busy, send }
}
