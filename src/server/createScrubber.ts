/**
 * Returns a function that removes `secret` from any text: raw, JSON-escaped, URL-encoded and
 * base64 / base64url forms (at each of the three byte alignments, so the key inside a longer
 * encoded string is found too). Answers are scrubbed after JSON decoding (`rebuildAnswer`), so
 * `\u0053ECRET`-style escapes cannot hide the key; events are scrubbed as text.
 */
export function createScrubber(secret: string): (text: string) => string {
  const forms = [...new Set([secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret), ...base64Forms(secret)])]
    .filter((form) => form.length > 0)
    // Longest first: a shorter form inside a longer one must not break the longer match.
    .sort((a, b) => b.length - a.length)
  const shortest = Math.min(...forms.map((form) => form.length))
  return (text) => {
    if (text.length < shortest) return text
    let result = text
    for (const form of forms) {
      if (result.includes(form)) result = result.split(form).join('[redacted]')
    }
    return result
  }
}

/** The part of the secret's base64 (and base64url) text that does not depend on its neighbours. */
function base64Forms(secret: string): string[] {
  const bytes = new TextEncoder().encode(secret)
  const forms: string[] = []
  for (let offset = 0; offset < 3; offset++) {
    const padded = new Uint8Array(offset + bytes.length)
    padded.set(bytes, offset)
    let binary = ''
    for (const byte of padded) binary += String.fromCharCode(byte)
    const encoded = btoa(binary)
    // Characters mixing prefix bytes, and the last group mixing following bytes, vary with context.
    const stable = encoded.slice(Math.ceil((offset * 4) / 3), Math.floor(padded.length / 3) * 4)
    // Shorter than 8 characters would match ordinary text by chance.
    if (stable.length >= 8) forms.push(stable, stable.replace(/\+/g, '-').replace(/\//g, '_'))
  }
  return forms
}
