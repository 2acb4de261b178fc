// Each server under test runs in its own process, so the load generator never shares its event loop.
import { spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))

export interface ChildServer {
  url: string
  pid: number | undefined
  close(): void
}

/** Starts `bench/serve.ts <kind>` in its own process and waits for the URL it prints. */
export function spawnServer(...args: string[]): Promise<ChildServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/serve.ts', ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout })
    child.once('exit', (code) => reject(new Error(`bench/serve.ts ${args.join(' ')} exited with code ${code} before listening`)))
    lines.once('line', (line) => {
      const { url } = JSON.parse(line) as { url: string }
      // An interrupted run must not leave servers behind.
      const kill = () => child.kill()
      process.once('exit', kill)
      resolve({
        url,
        pid: child.pid,
        close: () => {
          process.off('exit', kill)
          child.kill()
        },
      })
    })
  })
}
