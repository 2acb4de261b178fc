import { importNode } from '../importNode'
import type { EmulatorState, EmulatorStorage } from '../types'

type Fs = typeof import('node:fs/promises')
type Path = typeof import('node:path')

/** Thrown when a `--data` file exists but cannot be used; the file is left untouched. */
export class EmulatorDataFileError extends Error {
  constructor(readonly file: string, problem: string) {
    super(`Emulator data file ${file} ${problem}. Move it aside or delete it to start from the seed; it was not modified.`)
    this.name = 'EmulatorDataFileError'
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

function checkState(file: string, value: unknown): EmulatorState {
  if (!isRecord(value) || value.version !== 1) throw new EmulatorDataFileError(file, 'is not emulator state (expected "version": 1)')
  if (typeof value.clockOffsetMs !== 'number' || !isRecord(value.customers) || !isRecord(value.idempotency)) {
    throw new EmulatorDataFileError(file, 'lacks clockOffsetMs, customers or idempotency')
  }
  for (const [id, customer] of Object.entries(value.customers)) {
    if (!isRecord(customer) || customer.id !== id || !Array.isArray(customer.subscriptions) || !isRecord(customer.usage)) {
      throw new EmulatorDataFileError(file, `has a malformed customer "${id}"`)
    }
  }
  return value as unknown as EmulatorState
}

let tempCounter = 0

/**
 * Keeps emulator state in one JSON file. Writes go to a temp file in the same directory,
 * are fsynced, renamed over the target and the directory fsynced, so a crash leaves
 * either the old or the new state, never a torn file. Node only: `node:fs` loads lazily
 * so this module is safe to bundle for browsers.
 */
export function createFileStorage(file: string): EmulatorStorage {
  return {
    async load() {
      const fs = await importNode<Fs>('node:fs/promises')
      let text: string
      try {
        text = await fs.readFile(file, 'utf8')
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
        throw new EmulatorDataFileError(file, `cannot be read (${(error as Error).message})`)
      }
      let parsed: unknown
      try {
        parsed = JSON.parse(text)
      } catch (error) {
        throw new EmulatorDataFileError(file, `is corrupt: not valid JSON (${(error as Error).message})`)
      }
      return checkState(file, parsed)
    },

    async save(state) {
      const [fs, path] = await Promise.all([importNode<Fs>('node:fs/promises'), importNode<Path>('node:path')])
      const directory = path.dirname(path.resolve(file))
      const temp = path.join(directory, `.${path.basename(file)}.${process.pid}.${tempCounter++}.tmp`)
      const handle = await fs.open(temp, 'w')
      try {
        await handle.writeFile(JSON.stringify(state))
        await handle.sync()
      } catch (error) {
        await handle.close()
        await fs.rm(temp, { force: true })
        throw error
      }
      await handle.close()
      await fs.rename(temp, file)
      // The rename is durable only once the directory entry is.
      const dir = await fs.open(directory, 'r')
      try {
        await dir.sync()
      } catch (error) {
        // Some platforms (Windows) cannot fsync a directory; the rename is still atomic there.
        const code = (error as NodeJS.ErrnoException).code
        if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EINVAL') throw error
      } finally {
        await dir.close()
      }
    },
  }
}
