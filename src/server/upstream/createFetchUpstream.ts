import { UpstreamTooLarge, type UpstreamSender } from './UpstreamSender'

/**
 * The upstream call over a Fetch API: a custom `fetch` option (given a `Request`, as documented)
 * or, off Node, the global fetch (given the URL and init, which skips building a Request).
 * Stale keep-alive connections are the runtime's fetch's business here (undici retries them).
 */
export function createFetchUpstream(url: string, customFetch: ((request: Request) => Promise<Response>) | undefined): UpstreamSender {
  return (headers, body) => {
    const controller = new AbortController()
    const init: RequestInit = {
      method: 'POST',
      headers,
      body,
      signal: controller.signal,
      // Following a redirect could carry the key to another host.
      redirect: 'manual',
    }
    const response = (customFetch ? customFetch(new Request(url, init)) : globalThis.fetch(url, init)).then((answer) => ({
      status: answer.status,
      retryAfter: answer.headers.get('retry-after'),
      text: (maxBytes: number) => readCapped(answer, maxBytes),
      discard: () => void answer.body?.cancel().catch(() => undefined),
    }))
    return { response, abort: () => controller.abort() }
  }
}

/** The body as UTF-8, reading at most `maxBytes` of it: a huge answer is never held whole. */
async function readCapped(answer: Response, maxBytes: number): Promise<string> {
  const declared = Number(answer.headers.get('content-length'))
  if (Number.isFinite(declared) && declared > maxBytes) {
    await answer.body?.cancel().catch(() => undefined)
    throw new UpstreamTooLarge(maxBytes)
  }
  if (!answer.body) return ''
  const reader = answer.body.getReader()
  const decoder = new TextDecoder()
  let text = ''
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) return text + decoder.decode()
    size += value.byteLength
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined)
      throw new UpstreamTooLarge(maxBytes)
    }
    text += decoder.decode(value, { stream: true })
  }
}
