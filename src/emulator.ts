// react-stigg/emulator: the local Stigg. Every export is named here on purpose.
