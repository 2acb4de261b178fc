/**
 * Group commit: at most one save runs at a time, and every caller that arrives while
 * it runs shares the single save that follows. 500 concurrent mutations cost two writes,
 * not 500, and each caller still resolves only after a save that includes its change.
 */
export function createSaveQueue(write: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | null = null
  let queued: Promise<void> | null = null

  const start = (): Promise<void> => {
    const current: Promise<void> = write().finally(() => {
      if (running === current) running = null
    })
    running = current
    return current
  }

  return function save() {
    if (queued) return queued
    if (!running) return start()
    const next = running
      .catch(() => undefined)
      .then(() => {
        queued = null
        return start()
      })
    queued = next
    return next
  }
}
