import type { DocumentNode, ExecutionResult, GraphQLError } from 'graphql'
import { execute, getOperationAST } from 'graphql'
import type { HttpAnswer } from '../../graphql/HttpAnswer'
import { parseGraphQLRequest } from '../../graphql/parseGraphQLRequest'
import { createEndpoints, type EmulatorEndpoint } from './createEndpoints'
import { runCompiledQuery } from '../schema/compileQuery'
import type { EmulatorStore } from '../store/EmulatorStore'
import type { RecordedRequest } from '../types'
import { INTERNAL_ERROR_MESSAGE, isClientError, logInternalError } from './internalError'

/** A transport-neutral request: `emulator.fetch` and the Node server both map onto it. */
export interface RawRequest {
  method: string
  path: string
  /** Lower-cased names. */
  headers: Record<string, string>
  body: string
}

export type RawResponse = HttpAnswer

export interface RequestHandlerOptions {
  apiKey: string
  store: EmulatorStore
  requests: RecordedRequest[]
  /** Called after a mutation ran; the answer waits for it. */
  persist?: () => Promise<void>
}

const maxRecorded = 10_000
const jsonHeaders = { 'content-type': 'application/json; charset=utf-8' }

function errorResponse(status: number, message: string, code: string, headers: Record<string, string> = {}): RawResponse {
  return { status, headers: { ...jsonHeaders, ...headers }, body: JSON.stringify({ errors: [{ message, extensions: { code } }] }) }
}

function formatErrors(errors: readonly GraphQLError[], defaultCode: string): unknown[] {
  return errors.map((error) => {
    if (!isClientError(error)) {
      // A bug or an outage inside a resolver: its message (a TypeError's, a path) stays in the log.
      logInternalError(error.originalError)
      return { message: INTERNAL_ERROR_MESSAGE, ...(error.path ? { path: error.path } : {}), extensions: { code: 'INTERNAL_SERVER_ERROR' } }
    }
    const formatted = error.toJSON()
    const code = formatted.extensions?.code
    return typeof code === 'string' ? formatted : { ...formatted, extensions: { ...formatted.extensions, code: defaultCode } }
  })
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * GraphQL over HTTP the way Stigg answers it: key check, JSON body rules, cached parse/validate, execute.
 * A compiled read answers synchronously (no Promise on the hot path); `execute` and saves answer a Promise.
 */
export function createRequestHandler(options: RequestHandlerOptions): (request: RawRequest) => RawResponse | Promise<RawResponse> {
  const { apiKey, store, requests, persist } = options
  const endpointFor = createEndpoints(store)

  return function handle(request) {
    let body: unknown
    let bodyError: string | null = null
    try {
      body = request.body === '' ? undefined : JSON.parse(request.body)
    } catch (error) {
      bodyError = (error as Error).message
    }
    const fields = isRecord(body) ? body : {}
    const record: RecordedRequest = {
      method: request.method,
      path: request.path,
      headers: request.headers,
      operationName: typeof fields.operationName === 'string' ? fields.operationName : null,
      query: typeof fields.query === 'string' ? fields.query : null,
      variables: fields.variables ?? null,
      at: store.now(),
    }
    requests.push(record)
    // Drop in chunks so a long load run stays cheap and memory stays bounded.
    if (requests.length > maxRecorded + 1000) requests.splice(0, requests.length - maxRecorded)

    const endpoint = endpointFor(request.path)
    if (!endpoint) {
      const routes = 'send POST /graphql (seed contract) or POST /hosted/graphql (hosted Stigg schema)'
      return errorResponse(404, `The emulator has no route ${request.method} ${request.path}; ${routes}`, 'NOT_FOUND')
    }
    if (request.method !== 'POST') {
      return errorResponse(405, `The emulator accepts POST /graphql, not ${request.method}`, 'METHOD_NOT_ALLOWED', { allow: 'POST' })
    }
    const key = request.headers['x-api-key']
    if (key !== apiKey) {
      const message = key === undefined ? 'Missing X-API-KEY header' : 'Invalid X-API-KEY header: it does not match the emulator key'
      return errorResponse(401, message, 'UNAUTHENTICATED')
    }
    const mediaType = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase()
    if (mediaType !== 'application/json') {
      return errorResponse(400, `Content-Type must be application/json, got ${mediaType ? `"${mediaType}"` : 'none'}`, 'BAD_REQUEST')
    }
    if (bodyError !== null) return errorResponse(400, `Request body is not valid JSON: ${bodyError}`, 'BAD_REQUEST')
    const graphQLRequest = parseGraphQLRequest(body)
    if (typeof graphQLRequest === 'string') return errorResponse(400, graphQLRequest, 'BAD_REQUEST')
    const { query, variables } = graphQLRequest

    const prepared = endpoint.documents.get(query)
    // The log keeps the cache's copy of the text: 10,000 copies of the same document would each survive to the old generation.
    record.query = endpoint.documents.newestText ?? query
    if (prepared.errors) {
      const code = prepared.stage === 'parse' ? 'GRAPHQL_PARSE_FAILED' : 'GRAPHQL_VALIDATION_FAILED'
      return { status: 400, headers: jsonHeaders, body: JSON.stringify({ errors: formatErrors(prepared.errors, code) }) }
    }
    const operationName = graphQLRequest.operationName ?? undefined
    // The hot path: a compiled read answers without graphql-js; anything it cannot answer exactly runs below.
    const compiled = endpoint.documents.compiled(prepared.document, operationName)
    const fast = compiled && runCompiledQuery(endpoint.schema, compiled, endpoint.rootValue, variables)
    if (fast !== undefined) return { status: 200, headers: jsonHeaders, body: fast }
    return executeSlowly(endpoint, prepared.document, variables, operationName, persist)
  }
}

/** graphql-js's executor for what the compiled plan does not answer (mutations, errors, directives…). */
async function executeSlowly(
  endpoint: EmulatorEndpoint,
  document: DocumentNode,
  variableValues: Record<string, unknown> | undefined,
  operationName: string | undefined,
  persist: (() => Promise<void>) | undefined,
): Promise<RawResponse> {
  const result = (await execute({ schema: endpoint.schema, document, rootValue: endpoint.rootValue, variableValues, operationName })) as ExecutionResult
  // No data means the request itself was wrong (bad variables, unknown operation name).
  if (!('data' in result) || result.data === undefined) {
    return { status: 400, headers: jsonHeaders, body: JSON.stringify({ errors: formatErrors(result.errors ?? [], 'BAD_USER_INPUT') }) }
  }
  if (persist && getOperationAST(document, operationName)?.operation === 'mutation') {
    try {
      await persist()
    } catch (error) {
      logInternalError(error)
      return errorResponse(500, `The emulator could not save its state. ${INTERNAL_ERROR_MESSAGE}`, 'INTERNAL_SERVER_ERROR')
    }
  }
  const response = result.errors ? { errors: formatErrors(result.errors, 'INTERNAL_SERVER_ERROR'), data: result.data } : { data: result.data }
  return { status: 200, headers: jsonHeaders, body: JSON.stringify(response) }
}
