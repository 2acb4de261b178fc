import type { IncomingMessage } from 'node:http'

/**
 * Reads a `node:http` request body, at most `limit` bytes. Calls `done` with the bytes and
 * whether the body was complete; past the limit it stops reading at once (the caller answers
 * 413 and closes the connection instead of draining the rest). Callbacks, not a Promise: the
 * emulator answers a compiled read from bytes to `res.end` with no Promise hop (bench/).
 */
export function readNodeBody(
  request: IncomingMessage,
  limit: number,
  done: (body: Buffer, complete: boolean) => void,
  fail: (error: Error) => void,
): void {
  const chunks: Buffer[] = []
  let size = 0
  const finish = (complete: boolean): void => {
    request.off('readable', onReadable).off('end', onEnd).off('error', fail)
    done(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks), complete)
  }
  // 'readable' + read() costs measurably less per request than a 'data' listener (bench/).
  const onReadable = (): void => {
    for (let chunk = request.read() as Buffer | null; chunk !== null; chunk = request.read() as Buffer | null) {
      chunks.push(chunk)
      size += chunk.length
      if (size > limit) {
        finish(false)
        return
      }
    }
  }
  const onEnd = (): void => finish(true)
  request.on('readable', onReadable).on('end', onEnd).on('error', fail)
}
