// react-stigg/testing: the test kit, backed by the in-process emulator.
