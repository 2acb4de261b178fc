/** A complete HTTP answer, before it becomes a Fetch `Response` or a `node:http` reply: the proxy and the emulator both produce it. */
export interface HttpAnswer {
  status: number
  headers: Record<string, string>
  body: string
}
