import type { IncomingMessage } from 'node:http'
import { createEmulatorInternals } from './createEmulator'
import { createFileStorage } from './createFileStorage'
import { importNode } from './importNode'
import type { Emulator, EmulatorOptions } from './types'

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

function readBody(request: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    // 'readable' + read() costs measurably less per request than a 'data' listener (bench/).
    request.on('readable', () => {
      for (let chunk = request.read() as Buffer | null; chunk !== null; chunk = request.read() as Buffer | null) {
        size += chunk.length
        if (size <= maxBodyBytes) chunks.push(chunk)
      }
    })
    request.on('end', () => resolve(size > maxBodyBytes ? null : Buffer.concat(chunks).toString('utf8')))
    request.on('error', reject)
  })
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

  const server = http.createServer((request, response) => {
    const headers: Record<string, string> = {}
    for (const [name, value] of Object.entries(request.headers)) {
      if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value
    }
    readBody(request)
      .then((body) => {
        if (body === null) {
          const message = `Request body exceeds ${maxBodyBytes} bytes`
          return { status: 413, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify({ errors: [{ message, extensions: { code: 'PAYLOAD_TOO_LARGE' } }] }) }
        }
        return handle({ method: request.method ?? 'GET', path: (request.url ?? '/').split('?')[0] ?? '/', headers, body })
      })
      .then(
        (answer) => {
          response.writeHead(answer.status, { ...answer.headers, 'content-length': Buffer.byteLength(answer.body) })
          response.end(answer.body)
        },
        (error: unknown) => {
          response.writeHead(500, { 'content-type': 'application/json; charset=utf-8' })
          response.end(JSON.stringify({ errors: [{ message: `Emulator failure: ${(error as Error).message}`, extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }))
        },
      )
  })

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
