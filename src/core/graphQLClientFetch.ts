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
export function graphQLClientFetch(client: GraphQLClientLike, prop: string): typeof fetch {
  // Development only: production skips the check (bytes on every page) and fails at the first request.
  if (process.env.NODE_ENV !== 'production' && typeof (client as Partial<GraphQLClientLike> | null)?.rawRequest !== 'function') {
    throw new StiggError(
      `react-stigg: \`${prop}\` must be a graphql-request GraphQLClient (an object with rawRequest), got ${String(client)}; or pass \`url\` for the built-in fetch transport.`,
      { code: 'BAD_INPUT' },
    )
  }
  return (_input, init) =>
    client
      // The body is react-stigg's own JSON ({ query, variables, operationName }): graphql-request sends it again.
      .rawRequest({ ...(JSON.parse(init!.body as string) as { query: string }), requestHeaders: init!.headers!, signal: init!.signal! })
      .catch((error: { response?: GraphQLClientAnswer } | null) => {
        if (error?.response) return error.response
        // No answer at all (network, abort) stays an error; anything else graphql-request could
        // not read (a 2xx that is not JSON) is what the built-in transport calls BAD_RESPONSE.
        if (error instanceof TypeError || init!.signal?.aborted) throw error
        return { status: 200 }
      })
      .then((answer: GraphQLClientAnswer) => new Response(answer.body, answer))
}

type GraphQLClientAnswer = { status: number; headers?: Headers; body?: string }
