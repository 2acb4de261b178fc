/*
 * The upstream interface: how the proxy sends one POST, whatever carries it
 * (`createNodeUpstream` on Node, `createFetchUpstream` elsewhere or with a custom fetch).
 */

/** The upstream answered more than `maxBytes`: the proxy stops reading and answers 502. */
export class UpstreamTooLarge extends Error {
  override readonly name = 'UpstreamTooLarge'
  constructor(readonly maxBytes: number) {
    super(`the upstream answer exceeded ${maxBytes} bytes`)
  }
}

/** The upstream's status line and headers; the body is read on demand, within the same deadline. */
export interface UpstreamResponse {
  status: number
  retryAfter: string | null
  /** The body as UTF-8; rejects with {@link UpstreamTooLarge} past `maxBytes` (and drops the connection). */
  text(maxBytes: number): Promise<string>
  /** Drops the rest of the body unread. */
  discard(): void
}

/** One upstream POST in flight; `abort` ends it (the proxy's timeout). */
export interface UpstreamCall {
  response: Promise<UpstreamResponse>
  abort(): void
}

/** How one POST may be sent. */
export interface UpstreamSendOptions {
  /**
   * The request is a read: it may be sent once more when a reused keep-alive connection turns
   * out to have been closed by the upstream before any byte of an answer (ECONNRESET / EPIPE).
   * Never set for mutations: the first attempt may have reached the upstream.
   */
  idempotent: boolean
}

/** Sends one POST with these headers and body to the upstream URL. */
export type UpstreamSender = (headers: Record<string, string>, body: string, options?: UpstreamSendOptions) => UpstreamCall
