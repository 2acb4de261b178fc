/** Thrown by `validateCatalog` (and so by `createEmulator`) for a catalog it cannot use. */
export class EmulatorCatalogError extends Error {
  /** Where in the catalog the problem is, e.g. `plans[1].limits.feature-x`. */
  readonly path: string

  constructor(path: string, problem: string) {
    super(`Invalid emulator catalog: ${path}: ${problem}`)
    this.name = 'EmulatorCatalogError'
    this.path = path
  }
}
