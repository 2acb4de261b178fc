import type { ViteDevServer } from 'vite'
import type { Emulator } from 'react-stigg/emulator'
import type { StiggDevPlugin } from 'react-stigg/vite'

/** The in-process emulator `stiggDevPlugin` started inside the demo's dev server. */
export function demoEmulatorOf(server: ViteDevServer): Emulator {
  const plugin = server.config.plugins.find((candidate) => candidate.name === 'react-stigg:proxy') as
    | StiggDevPlugin
    | undefined
  const emulator = plugin?.api.emulator
  if (!emulator) {
    throw new Error(
      'The demo dev server has no in-process emulator: is stiggDevPlugin in demo/vite.config.ts, and are STIGG_API_URL/STIGG_API_KEY unset?',
    )
  }
  return emulator
}
