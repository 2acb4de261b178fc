import { StiggError } from './StiggError'

/**
 * What react-stigg needs of a graphql-request `GraphQLClient` (v7): its `rawRequest`. Structural,
 * so the browser entry imports neither graphql-request nor graphql-js; the app's own client
 * brings them (and its middleware, headers and fetch).
 */
export interface GraphQLClientLike {
  rawRequest(options: {
    query: string
    variables?: Record<string, unknown>
    requestHeaders?: HeadersInit
    signal?: AbortSignal
  }): Promise<{ status: number; headers: Headers; body?: string }>
}

/**
 * A `fetch` that sends react-stigg's request through the app's `GraphQLClient`, and answers
 * with the `Response` the client saw, so `postGraphQL` maps partial data, 4xx/5xx, 429 with
 * `Retry-After`, aborts and network errors exactly as for the built-in transport.
 * graphql-request throws a `ClientError` for GraphQL errors and non-2xx answers; its
 * `response` still holds status, headers and the body text.
 *
 * @example
 * createStiggClient({ url: 'https://api.example.com/graphql', fetch: graphQLClientFetch(new GraphQLClient(url)) })
 */
export function graphQLClientFetch(client: GraphQLClientLike, prop = 'client'): typeof fetch {
  if (typeof (client as Partial<GraphQLClientLike> | null)?.rawRequest !== 'function') {
    throw new StiggError(
      process.env.NODE_ENV !== 'production'
        ? `react-stigg: \`${prop}\` must be a graphql-request GraphQLClient (an object with rawRequest), got ${String(client)}; or pass \`url\` for the built-in fetch transport.`
        : '',
      { code: 'BAD_INPUT' },
    )
  }
  return async (_input, init) => {
    const { query, variables } = JSON.parse(init!.body as string) as { query: string; variables: Record<string, unknown> }
    let answer: { status: number; headers?: Headers; body?: string }
    try {
      answer = await client.rawRequest({ query, variables, requestHeaders: init!.headers as Headers, signal: init!.signal! })
    } catch (error) {
      const response = (error as { response?: typeof answer } | null)?.response
      // A 2xx body graphql-request could not read (not JSON): what the built-in transport calls BAD_RESPONSE.
      if (response) answer = response
      else if (error instanceof SyntaxError || /^Invalid execution result/.test((error as Error | null)?.message ?? '')) answer = { status: 200 }
      else throw error
    }
    return new Response(answer.body || null, { status: answer.status, headers: answer.headers })
  }
}
