// `npm start`: serve the demo with the proxy and an in-process emulator, and print its URL.
import { parseArgs } from 'node:util'
import { createServer } from 'vite'
import demoConfig from './vite.config'

const { values } = parseArgs({
  options: { port: { type: 'string' }, host: { type: 'string' } },
  strict: true,
})

const rawPort = values.port ?? process.env.PORT ?? '5173'
const port = Number(rawPort)
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`react-stigg demo: port "${rawPort}" (from --port or PORT) must be an integer 0-65535`)
  process.exit(1)
}
const host = values.host ?? process.env.HOST ?? '127.0.0.1'

// The config is imported, not loaded from disk: tsx already compiles it, with extensionless imports.
const server = await createServer({ ...demoConfig, configFile: false, server: { ...demoConfig.server, port, host } })
await server.listen()

const url = server.resolvedUrls?.local[0] ?? server.resolvedUrls?.network[0] ?? `http://${host}:${port}/`
const upstream =
  process.env.STIGG_API_URL && process.env.STIGG_API_KEY ? process.env.STIGG_API_URL : 'the in-process emulator'
console.log(`react-stigg demo: ${url}`)
console.log(`  Stigg upstream: ${upstream} (set STIGG_API_URL and STIGG_API_KEY to change it)`)

const shutdown = () => {
  server.close().then(
    () => process.exit(0),
    () => process.exit(1),
  )
}
process.once('SIGINT', shutdown)
process.once('SIGTERM', shutdown)
