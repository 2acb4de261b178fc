/**
 * Returns a function that removes `secret` from any text: raw, JSON-escaped and
 * URL-encoded forms, so an upstream echoing the key back cannot leak it.
 */
export function createScrubber(secret: string): (text: string) => string {
  const forms = [...new Set([secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret)])]
  return (text) => {
    let result = text
    for (const form of forms) {
      if (result.includes(form)) result = result.split(form).join('[redacted]')
    }
    return result
  }
}
