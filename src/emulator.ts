// react-stigg/emulator: the local Stigg. Every export is named here on purpose.
export { createEmulator } from './emulator/createEmulator'
export { startEmulator } from './emulator/http/startEmulator'
export { createFileStorage, EmulatorDataFileError } from './emulator/storage/createFileStorage'
export { defaultCatalog } from './emulator/defaultCatalog'
export { validateCatalog } from './emulator/Catalog'
export { EmulatorCatalogError } from './emulator/EmulatorCatalogError'

export type { Catalog, CatalogFeature, CatalogPlan, CatalogResetPeriod } from './emulator/Catalog'
export type { StartEmulatorOptions, RunningEmulator } from './emulator/http/startEmulator'
export type {
  AddCustomerInput,
  CustomerRecord,
  Emulator,
  EmulatorAdmin,
  EmulatorDateInput,
  EmulatorOptions,
  EmulatorState,
  EmulatorStorage,
  EmulatorSubscriptionStatus,
  MeasurementRecord,
  RecordedRequest,
  SubscriptionPatch,
  SubscriptionRecord,
  UsageEventRecord,
  UsageRecord,
} from './emulator/types'
