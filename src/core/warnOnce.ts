const warned = new Set<string>()

/**
 * Logs `message` with console.error once per page (React's own habit for misuse warnings).
 * Callers guard the call with `process.env.NODE_ENV !== 'production'` themselves, inline, so
 * consumers' bundlers replace it and drop the warning code from production builds.
 */
export function warnOnce(message: string): void {
  if (warned.has(message)) return
  warned.add(message)
  console.error(`react-stigg: ${message}`)
}
