import type { StiggProxyErrorCode } from './types'

/** A GraphQL-shaped error as the proxy answers it. */
export interface ProxyGraphQLError {
  message: string
  locations?: ReadonlyArray<{ line: number; column: number }>
  extensions: { code: string }
}

/**
 * A request the proxy answers itself. Thrown inside the pipeline and turned into a
 * `{ errors: [...] }` response at the edge, so every refusal has the same shape.
 */
export class ProxyRefusal extends Error {
  override readonly name = 'ProxyRefusal'
  readonly code: StiggProxyErrorCode
  readonly status: number
  readonly headers: Record<string, string>
  /** Several errors (e.g. GraphQL validation); defaults to one built from `message`. */
  readonly errors: ProxyGraphQLError[]

  constructor(
    status: number,
    code: StiggProxyErrorCode,
    message: string,
    extra: { headers?: Record<string, string>; errors?: ProxyGraphQLError[] } = {},
  ) {
    super(message)
    this.status = status
    this.code = code
    this.headers = extra.headers ?? {}
    this.errors = extra.errors ?? [{ message, extensions: { code } }]
  }
}

/** Answers never go to shared caches: they are one customer's data. */
export const jsonHeaders = {
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'no-store',
} as const
