/** A GraphQL-over-HTTP request body after shape checks. */
export interface GraphQLRequestBody {
  query: string
  /** `null` when absent or empty: the document's only operation runs. */
  operationName: string | null
  variables: Record<string, unknown>
}

/**
 * The GraphQL-over-HTTP shape rules for an already parsed JSON body, shared by the proxy and
 * the emulator. Answers the body, or the message explaining why it is not one; each side
 * wraps that message in its own error (the proxy's `ProxyRefusal`, the emulator's Stigg-like 400).
 */
export function parseGraphQLRequest(json: unknown): GraphQLRequestBody | string {
  if (Array.isArray(json)) {
    return 'Request body must be a JSON object, not an array: batched requests are not supported; send one operation per request.'
  }
  if (typeof json !== 'object' || json === null) {
    return 'Request body must be a JSON object: { "query": "…", "variables": { … } }.'
  }
  const { query, operationName, variables } = json as Record<string, unknown>
  if (typeof query !== 'string' || query.trim() === '') {
    const got = query === undefined ? 'nothing' : typeof query === 'string' ? 'an empty string' : typeof query
    return `"query" must be a string holding a GraphQL document, got ${got}.`
  }
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') {
    return '"operationName" must be a string or null.'
  }
  if (variables !== undefined && variables !== null && (typeof variables !== 'object' || Array.isArray(variables))) {
    return '"variables" must be a JSON object or null.'
  }
  return {
    query,
    operationName: operationName || null,
    variables: (variables ?? {}) as Record<string, unknown>,
  }
}
