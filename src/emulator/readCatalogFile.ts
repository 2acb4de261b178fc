import { readFile } from 'node:fs/promises'
import { validateCatalog, type Catalog } from './Catalog'

/** A catalog file that cannot be used; the message names the flag, the file and the field. */
export class CatalogFileError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'CatalogFileError'
  }
}

/**
 * Reads and validates a catalog JSON file, for the command-line tools (`react-stigg-emulator
 * --catalog`, `react-stigg-codegen --catalog`): one wording for every bad file.
 *
 * @throws {CatalogFileError} e.g. `--catalog shop.json: Invalid emulator catalog: plans[1].limits.feature-x: unknown feature`
 */
export async function readCatalogFile(file: string, flag = '--catalog'): Promise<Catalog> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    throw new CatalogFileError(`${flag} ${file}: cannot read it (${(error as Error).message})`)
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (error) {
    throw new CatalogFileError(`${flag} ${file}: not valid JSON (${(error as Error).message})`)
  }
  try {
    return validateCatalog(parsed)
  } catch (error) {
    throw new CatalogFileError(`${flag} ${file}: ${(error as Error).message}`)
  }
}
