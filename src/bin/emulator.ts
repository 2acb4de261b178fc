// react-stigg-emulator: the Stigg emulator on a port, for local development, demos and CI.
import { parseArgs } from 'node:util'
import { CatalogFileError, readCatalogFile } from '../emulator/readCatalogFile'
import { startEmulator } from '../emulator/http/startEmulator'

const usage = `Usage: react-stigg-emulator [--port 4100] [--api-key KEY] [--host 127.0.0.1] [--catalog FILE] [--data FILE]

  --port      port to listen on (0 picks a free one)         default 4100
  --api-key   key every request must send in X-API-KEY      default emulator-api-key
  --host      interface to bind                              default 127.0.0.1
  --catalog   JSON file with { features, plans, defaultPlanId } replacing the default catalog
  --data      JSON file that keeps all state across restarts (memory only without it)`

class UsageError extends Error {}

async function main(): Promise<void> {
  let values
  try {
    ;({ values } = parseArgs({
      options: {
        port: { type: 'string', default: '4100' },
        'api-key': { type: 'string', default: 'emulator-api-key' },
        host: { type: 'string', default: '127.0.0.1' },
        catalog: { type: 'string' },
        data: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }))
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
  if (values.help) {
    console.log(usage)
    return
  }
  const port = Number(values.port)
  if (!/^\d+$/.test(values.port) || port > 65535) throw new UsageError(`--port must be an integer from 0 to 65535, got "${values.port}"`)
  if (values['api-key'] === '') throw new UsageError('--api-key must not be empty')
  const catalog = values.catalog === undefined ? undefined : await readCatalogFile(values.catalog)

  const running = await startEmulator({ port, host: values.host, apiKey: values['api-key'], catalog, dataFile: values.data })
  console.log(`Stigg emulator listening on ${running.url}`)
  console.log(`Hosted Stigg schema (for dialect 'stigg') on ${running.hostedUrl}`)
  // The key is a local credential for a local fake, printed so a proxy can be pointed at it at once.
  console.log(`API key (send it as X-API-KEY; a proxy's apiKey): ${values['api-key']}`)
  if (values.data !== undefined) console.log(`State is kept in ${values.data}`)

  const stop = (signal: string) => {
    console.log(`Stigg emulator stopping (${signal})`)
    running.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`Stigg emulator: could not close cleanly: ${(error as Error).message}`)
        process.exit(1)
      },
    )
  }
  process.once('SIGINT', () => stop('SIGINT'))
  process.once('SIGTERM', () => stop('SIGTERM'))
}

main().catch((error: unknown) => {
  console.error(`react-stigg-emulator: ${(error as Error).message}`)
  if (error instanceof UsageError || error instanceof CatalogFileError) console.error(`\n${usage}`)
  process.exit(1)
})
