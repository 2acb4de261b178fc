import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http'
import { createEmulatorInternals } from '../createEmulator'
import { createFileStorage } from '../storage/createFileStorage'
import { readNodeBody } from '../../graphql/node/readNodeBody'
import { writeNodeAnswer } from '../../graphql/node/writeNodeAnswer'
import type { RawRequest, RawResponse } from './createRequestHandler'
import { importNode } from '../importNode'
import type { Emulator, EmulatorOptions } from '../types'
import { INTERNAL_ERROR_MESSAGE, logInternalError } from './internalError'

export interface StartEmulatorOptions extends EmulatorOptions {
  /**
   * Port to listen on; 0 picks a free one.
   * @default 0
   */
  port?: number
  /** @default '127.0.0.1' */
  host?: string
  /** Keep all state in this JSON file across restarts (replaces `storage`). Without it, memory only. */
  dataFile?: string
}

export interface RunningEmulator {
  /** The GraphQL endpoint, e.g. `http://127.0.0.1:4100/graphql`. */
  url: string
  /** The same store in hosted Stigg's schema, e.g. `http://127.0.0.1:4100/hosted/graphql`: the upstream for `dialect: 'stigg'`. */
  hostedUrl: string
  port: number
  emulator: Emulator
  /** Stops listening, drops open connections and waits for the last save. */
  close(): Promise<void>
}

/** Bodies beyond this are refused: no Stigg operation comes close. */
const maxBodyBytes = 1_048_576
const jsonContentType = 'application/json; charset=utf-8'

/**
 * Node joins repeated headers itself; only `set-cookie` stays an array. Without one, Node's own
 * object is already the flat record the request log keeps: no copy per request.
 */
function flatHeaders(incoming: IncomingHttpHeaders): Record<string, string> {
  let flat = true
  for (const name in incoming) if (typeof incoming[name] !== 'string') flat = false
  if (flat) return incoming as Record<string, string>
  const headers: Record<string, string> = {}
  for (const name in incoming) {
    const value = incoming[name]
    if (value !== undefined) headers[name] = typeof value === 'string' ? value : value.join(', ')
  }
  return headers
}

function fail(response: ServerResponse, error: unknown): void {
  logInternalError(error)
  response.writeHead(500, { 'content-type': jsonContentType })
  response.end(JSON.stringify({ errors: [{ message: INTERNAL_ERROR_MESSAGE, extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }))
}

/**
 * Answers in the body's last callback: a compiled read goes from bytes to `res.end` with no
 * Promise in between (bench/: each hop cost CPU per request).
 */
function serveRequest(handle: (request: RawRequest) => RawResponse | Promise<RawResponse>, request: IncomingMessage, response: ServerResponse): void {
  const headers = flatHeaders(request.headers)
  readNodeBody(
    request,
    maxBodyBytes,
    (bytes, complete) => {
      if (!complete) {
        const message = `Request body exceeds ${maxBodyBytes} bytes`
        const body = JSON.stringify({ errors: [{ message, extensions: { code: 'PAYLOAD_TOO_LARGE' } }] })
        // The rest of the body stays unread: the connection closes after this answer.
        writeNodeAnswer(response, { status: 413, headers: { 'content-type': jsonContentType }, body }, true)
        return
      }
      const url = request.url ?? '/'
      const query = url.indexOf('?')
      let answer: RawResponse | Promise<RawResponse>
      try {
        answer = handle({ method: request.method ?? 'GET', path: query === -1 ? url : url.slice(0, query), headers, body: bytes.toString('utf8') })
      } catch (error) {
        fail(response, error)
        return
      }
      if ('then' in answer) answer.then((settled) => writeNodeAnswer(response, settled), (error: unknown) => fail(response, error))
      else writeNodeAnswer(response, answer)
    },
    (error) => fail(response, error),
  )
}

/**
 * Runs the emulator as an HTTP server (Node). Rejects when the port is taken or the
 * data file is unreadable, so a bad start is never silent.
 *
 * @example
 * ```ts
 * const { url, close } = await startEmulator({ apiKey: 'k', dataFile: './stigg.json' })
 * // POST `${url}` with X-API-KEY: k
 * await close()
 * ```
 */
export async function startEmulator(options: StartEmulatorOptions = {}): Promise<RunningEmulator> {
  const { port = 0, host = '127.0.0.1', dataFile, ...emulatorOptions } = options
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`startEmulator: port must be an integer from 0 to 65535, got ${port}`)
  }
  const storage = dataFile === undefined ? emulatorOptions.storage : createFileStorage(dataFile)
  const { emulator, handle, flush } = createEmulatorInternals({ ...emulatorOptions, storage })
  await emulator.ready
  const http = await importNode<typeof import('node:http')>('node:http')

  const server = http.createServer((request, response) => serveRequest(handle, request, response))

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('startEmulator: the server has no TCP address')
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address

  let closing: Promise<void> | undefined
  return {
    url: `http://${urlHost}:${address.port}/graphql`,
    hostedUrl: `http://${urlHost}:${address.port}/hosted/graphql`,
    port: address.port,
    emulator,
    close() {
      closing ??= (async () => {
        await new Promise<void>((resolve, reject) => {
          server.close((error) => (error ? reject(error) : resolve()))
          server.closeAllConnections()
        })
        await flush()
      })()
      return closing
    },
  }
}
