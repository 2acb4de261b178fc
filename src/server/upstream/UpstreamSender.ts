/*
 * The upstream interface: how the proxy sends one POST, whatever carries it
 * (`createNodeUpstream` on Node, `createFetchUpstream` elsewhere or with a custom fetch).
 */

/** The upstream's status line and headers; the body is read on demand, within the same deadline. */
export interface UpstreamResponse {
  status: number
  retryAfter: string | null
  text(): Promise<string>
  /** Drops the rest of the body unread. */
  discard(): void
}

/** One upstream POST in flight; `abort` ends it (the proxy's timeout). */
export interface UpstreamCall {
  response: Promise<UpstreamResponse>
  abort(): void
}

/** Sends one POST with these headers and body to the upstream URL. */
export type UpstreamSender = (headers: Record<string, string>, body: string) => UpstreamCall
