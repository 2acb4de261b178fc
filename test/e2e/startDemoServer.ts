import { createServer, type ViteDevServer } from 'vite'
import demoConfig from '../../demo/vite.config'

/**
 * The demo's Vite dev server on 127.0.0.1, a free port, always with the in-process emulator
 * (even in a shell that has a real Stigg configured). The caller closes `server`.
 */
export async function startDemoServer(): Promise<{ server: ViteDevServer; origin: string }> {
  delete process.env['STIGG_API_URL']
  delete process.env['STIGG_API_KEY']
  const server = await createServer({
    ...demoConfig,
    configFile: false,
    logLevel: 'warn',
    server: { ...demoConfig.server, host: '127.0.0.1', port: 0, strictPort: true },
  })
  await server.listen()
  const local = server.resolvedUrls?.local[0]
  if (!local) {
    await server.close()
    throw new Error('the demo dev server did not report the URL it listens on')
  }
  return { server, origin: new URL(local).origin }
}
