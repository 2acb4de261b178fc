// One side of `npm run load`, in its own process so the load generator never shares its event loop.
// Usage: tsx scripts/loadServer.ts emulator | proxy <upstreamUrl>
// Prints `{ "url": … }` once listening; on SIGTERM the proxy prints `{ "events": {…} }`, then exits.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { startEmulator } from 'react-stigg/emulator'
import { toNodeHandler } from 'react-stigg/server'

const loadApiKey = 'load-full-access-key'
const loadCustomer = 'customer-pro'

const print = (line: unknown) => process.stdout.write(`${JSON.stringify(line)}\n`)

async function startProxy(upstreamUrl: string): Promise<string> {
  // Counted by type and reason, so the load run can tell "0 errors" from the proxy's own point of view.
  const events: Record<string, number> = {}
  const proxy = toNodeHandler({
    apiKey: loadApiKey,
    upstreamUrl,
    identify: (request) =>
      request.headers.get('cookie') === `session=${loadCustomer}` ? { customerId: loadCustomer } : null,
    onEvent: (event) => {
      const name = event.type === 'allowed' ? 'allowed' : `${event.type}:${'reason' in event ? event.reason : 'code' in event ? event.code : event.operation}`
      events[name] = (events[name] ?? 0) + 1
    },
  })
  const server = createServer(proxy)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  process.once('SIGTERM', () => {
    print({ events })
    process.exit(0)
  })
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/stigg`
}

async function start(kind: string | undefined, upstreamUrl: string | undefined): Promise<string> {
  if (kind === 'emulator') {
    process.once('SIGTERM', () => process.exit(0))
    return (await startEmulator({ apiKey: loadApiKey })).url
  }
  if (kind === 'proxy' && upstreamUrl !== undefined) return startProxy(upstreamUrl)
  throw new Error(`scripts/loadServer.ts: expected "emulator" or "proxy <upstreamUrl>", got "${process.argv.slice(2).join(' ')}"`)
}

start(process.argv[2], process.argv[3]).then(
  (url) => print({ url }),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  },
)
