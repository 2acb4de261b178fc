// react-stigg-codegen: writes the declaration file that types feature and plan ids from a catalog.
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { parseArgs } from 'node:util'
import { fetchLiveCatalog } from '../codegen/fetchLiveCatalog'
import { generateDeclarations } from '../codegen/generateDeclarations'
import { CatalogFileError, readCatalogFile } from '../emulator/readCatalogFile'

const usage = `Usage: react-stigg-codegen (--catalog FILE | --url URL) --out FILE [--check]

  --catalog   the emulator catalog JSON ({ features, plans, defaultPlanId })
  --url       hosted Stigg's GraphQL URL (or the emulator's /hosted/graphql); the key comes
              from the STIGG_API_KEY environment variable (or --api-key)
  --api-key   server key for --url (prefer STIGG_API_KEY: flags show up in process lists)
  --out       the declaration file to write, e.g. src/stigg.d.ts
  --check     write nothing; exit 1 when --out differs from what would be written (for CI)`

class UsageError extends Error {}

async function main(): Promise<void> {
  let values
  try {
    ;({ values } = parseArgs({
      options: {
        catalog: { type: 'string' },
        url: { type: 'string' },
        'api-key': { type: 'string' },
        out: { type: 'string' },
        check: { type: 'boolean' },
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
  if ((values.catalog === undefined) === (values.url === undefined)) throw new UsageError('pass exactly one of --catalog and --url')
  if (!values.out) throw new UsageError('--out is required')
  let catalog
  let source: string
  if (values.catalog !== undefined) {
    catalog = await readCatalogFile(values.catalog)
    source = values.catalog
  } else {
    const apiKey = values['api-key'] ?? process.env['STIGG_API_KEY']
    if (!apiKey) throw new UsageError('--url needs a server key: set STIGG_API_KEY (or pass --api-key)')
    catalog = await fetchLiveCatalog({ url: values.url!, apiKey })
    source = values.url!
  }
  const declarations = generateDeclarations(catalog, { source })
  if (values.check) {
    const current = await readFile(values.out, 'utf8').catch(() => null)
    if (current !== declarations) {
      console.error(`react-stigg-codegen: ${values.out} is stale; run react-stigg-codegen --catalog ${source} --out ${values.out}`)
      process.exitCode = 1
    }
    return
  }
  await mkdir(dirname(values.out), { recursive: true })
  await writeFile(values.out, declarations)
  console.log(`react-stigg-codegen: wrote ${values.out} (${catalog.features.length} features, ${catalog.plans.length} plans)`)
}

main().catch((error: unknown) => {
  console.error(`react-stigg-codegen: ${(error as Error).message}`)
  if (error instanceof UsageError || error instanceof CatalogFileError) console.error(`\n${usage}`)
  process.exit(1)
})
