// react-stigg/testing: the test kit, backed by the in-process emulator.
export { StiggTestProvider } from './testing/StiggTestProvider'
export type { StiggTestProviderProps } from './testing/StiggTestProvider'
export { createTestStigg } from './testing/createTestStigg'
export type { CreateTestStiggOptions, TestStigg, TestStiggProviderProps } from './testing/createTestStigg'
export { catalogFromEntitlements } from './testing/catalogFromEntitlements'
export type { TestEntitlement, TestSubscription } from './testing/catalogFromEntitlements'
