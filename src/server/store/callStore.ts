/**
 * One call to a {@link StiggProxyStore} method, bounded: rejects when the store throws, rejects or
 * has not answered within `deadlineMs`. Callers treat a rejection as a miss (or as "within
 * budget") and report it, so a slow or broken store never holds a browser's request.
 */
export function callStore<T>(call: () => Promise<T>, deadlineMs: number, what = 'the store'): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${deadlineMs} ms`)), deadlineMs)
  })
  // Promise.resolve().then(call) turns a synchronous throw into a rejection.
  return Promise.race([Promise.resolve().then(call), deadline]).finally(() => clearTimeout(timer))
}
