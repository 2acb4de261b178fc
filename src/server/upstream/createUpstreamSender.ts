import { createFetchUpstream } from './createFetchUpstream'
import { createNodeUpstream } from './createNodeUpstream'
import type { UpstreamSender } from './UpstreamSender'

/**
 * How the proxy reaches its upstream: a custom `fetch` when given one; else `node:http(s)` with a
 * keep-alive agent where the runtime has it (looked up at run time, so edge bundles see no
 * `node:` import); else the global fetch.
 */
export function createUpstreamSender(url: string, customFetch: ((request: Request) => Promise<Response>) | undefined): UpstreamSender {
  return (customFetch ? undefined : createNodeUpstream(url)) ?? createFetchUpstream(url, customFetch)
}
