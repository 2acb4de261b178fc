/**
 * The browser's answer is built from the upstream's decoded JSON, never its bytes: every string
 * (and object key) is scrubbed after decoding, so an escaped key (`\u0053ECRET…`) cannot reach
 * the browser's `JSON.parse`; upstream errors keep message, path and `extensions.code` only
 * (no stack traces, internal paths or other extensions) unless `exposeUpstreamErrors` is on.
 *
 * `plainKey`: the key has no character `JSON.stringify` escapes (quotes, backslashes, controls),
 * so a decoded string holds it exactly when the re-serialized text does: one native stringify
 * and one text scrub (about 15 µs for a 10-feature answer) instead of a replacer per value (60 µs).
 */
export function rebuildAnswer(body: Record<string, unknown>, scrub: (text: string) => string, exposeUpstreamErrors: boolean, plainKey = false): string {
  const answer: Record<string, unknown> = {}
  if ('errors' in body) {
    const errors = Array.isArray(body['errors']) ? body['errors'] : [body['errors']]
    answer['errors'] = exposeUpstreamErrors ? errors : errors.map(reduceError)
  }
  if ('data' in body) answer['data'] = body['data']
  if (exposeUpstreamErrors && 'extensions' in body) answer['extensions'] = body['extensions']
  if (plainKey) return scrub(JSON.stringify(answer))
  return JSON.stringify(answer, (key, value: unknown) => {
    if (typeof value === 'string') return scrub(value)
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return scrubKeys(value as Record<string, unknown>, scrub)
    return value
  })
}

function reduceError(error: unknown): Record<string, unknown> {
  const record = typeof error === 'object' && error !== null ? (error as Record<string, unknown>) : {}
  const message = typeof record['message'] === 'string' ? record['message'] : 'Stigg answered with an error.'
  const path = Array.isArray(record['path']) ? record['path'].filter((step) => typeof step === 'string' || typeof step === 'number') : undefined
  const extensions = record['extensions']
  const code = typeof extensions === 'object' && extensions !== null ? (extensions as Record<string, unknown>)['code'] : undefined
  return { message, ...(path ? { path } : {}), ...(typeof code === 'string' ? { extensions: { code } } : {}) }
}

/** The same object, or a copy with scrubbed keys when a key needs it (rare: keys are the browser's aliases). */
function scrubKeys(value: Record<string, unknown>, scrub: (text: string) => string): Record<string, unknown> {
  let copy: Record<string, unknown> | undefined
  for (const key in value) {
    const clean = scrub(key)
    if (clean !== key) copy ??= Object.create(null) as Record<string, unknown>
  }
  if (copy === undefined) return value
  for (const key in value) copy[scrub(key)] = value[key]
  return copy
}
