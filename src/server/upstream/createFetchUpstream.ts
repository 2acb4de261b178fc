import type { UpstreamSender } from './UpstreamSender'

/**
 * The upstream call over a Fetch API: a custom `fetch` option (given a `Request`, as documented)
 * or, off Node, the global fetch (given the URL and init, which skips building a Request).
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
      text: () => answer.text(),
      discard: () => void answer.body?.cancel().catch(() => undefined),
    }))
    return { response, abort: () => controller.abort() }
  }
}
