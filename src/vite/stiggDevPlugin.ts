import type { Logger, Plugin } from 'vite'
import type { Emulator, EmulatorOptions } from '../emulator/types'
import { toNodeHandler, type NodeHandler } from '../server/node/toNodeHandler'
import { ProxyRefusal } from '../server/ProxyRefusal'
import { readCookie } from './readCookie'
import type { DevtoolsControl } from '../emulator/createDevtoolsControl'
import { devtoolsAbsent, devtoolsMiddleware } from './devtools/devtoolsMiddleware'
import { DEVTOOLS_PATH } from '../devtools/DevtoolsProtocol'
import type { StiggDialectName, StiggProxyAllow, StiggProxyEvent, StiggProxyOptions } from '../server/types'

/** The cookie the development `identify` reads: set it to a customer id to "sign in" as that customer. */
export const DEMO_CUSTOMER_COOKIE = 'stigg_demo_customer'

export interface StiggDevPluginOptions {
  /**
   * Where the proxy is mounted.
   * @default '/api/stigg'
   */
  path?: string
  /**
   * Who is signed in. The default reads the `stigg_demo_customer` cookie: a development
   * convenience that trusts the browser. A real app passes its own session lookup.
   * @default (request) => cookie stigg_demo_customer ? { customerId } : null
   */
  identify?: StiggProxyOptions['identify']
  /** @default { reportUsage: { maxValue: 1000 }, provisionCustomer: false } */
  allow?: StiggProxyAllow
  /** Structured log. By default refusals and upstream errors are printed with Vite's logger. */
  onEvent?: (event: StiggProxyEvent) => void
  /** Options for the in-process emulator (used unless STIGG_API_URL and STIGG_API_KEY are set). */
  emulator?: Omit<EmulatorOptions, 'storage'>
}

export interface StiggDevPluginApi {
  /** The in-process emulator once the server is configured; undefined with a real upstream. Seed it in demos. */
  emulator: Emulator | undefined
}

export type StiggDevPlugin = Plugin & { api: StiggDevPluginApi }

/** How to sign in with the default `identify`: the 401's message and the dev server's start-up line. */
export const DEV_IDENTITY_HINT =
  `stiggDevPlugin identifies the customer from the "${DEMO_CUSTOMER_COOKIE}" cookie. Set it in the browser ` +
  `(document.cookie = '${DEMO_CUSTOMER_COOKIE}=customer-pro; path=/', any seeded customer id) and pass the same id ` +
  `as StiggProvider's customerId, or pass your own identify: stiggDevPlugin({ identify }).`

const defaultIdentify: StiggProxyOptions['identify'] = (request) => {
  const customerId = readCookie(request.headers.get('cookie'), DEMO_CUSTOMER_COOKIE)
  if (!customerId) throw new ProxyRefusal(401, 'UNAUTHENTICATED', `Nobody is signed in. ${DEV_IDENTITY_HINT}`)
  return { customerId }
}

/**
 * Serves the Stigg proxy at `/api/stigg` in `vite dev` and `vite preview`. The upstream is
 * an in-process emulator, unless the environment has both `STIGG_API_URL` and
 * `STIGG_API_KEY` (then `STIGG_DIALECT`, default 'seed', names its schema). With the
 * emulator, `STIGG_DIALECT=stigg` routes through its hosted schema (`/hosted/graphql`), so the
 * proxy's hosted-Stigg translation runs locally.
 *
 * @example
 * // vite.config.ts
 * export default defineConfig({ plugins: [react(), stiggDevPlugin()] })
 * // in the browser: document.cookie = 'stigg_demo_customer=customer-pro'
 */
export function stiggDevPlugin(options: StiggDevPluginOptions = {}): StiggDevPlugin {
  const path = options.path ?? '/api/stigg'
  if (!path.startsWith('/')) {
    throw new TypeError(`stiggDevPlugin: options.path must start with "/", got ${JSON.stringify(path)}.`)
  }
  const api: StiggDevPluginApi = { emulator: undefined }
  let handler: Promise<NodeHandler> | undefined
  // The devtools' controls over the in-process emulator (react-stigg/devtools); undefined with a real upstream.
  let devtools: DevtoolsControl | undefined

  const setup = (logger: Pick<Logger, 'warn' | 'info'>): Promise<NodeHandler> => {
    handler ??= (async () => {
      const env = process.env
      const onEvent =
        options.onEvent ??
        ((event: StiggProxyEvent) => {
          if (event.type === 'store_error') logger.warn(`[react-stigg proxy] cache store ${event.operation} failed: ${event.message}`)
          else if (event.type !== 'allowed') logger.warn(`[react-stigg proxy] ${event.status} ${event.type === 'denied' ? event.reason : event.code}: ${event.message}`)
        })
      if (!options.identify) logger.info(`[react-stigg proxy] ${path}: ${DEV_IDENTITY_HINT}`)
      const dialect = (env['STIGG_DIALECT'] ?? 'seed') as StiggDialectName
      const shared = { identify: options.identify ?? defaultIdentify, allow: options.allow ?? { reportUsage: { maxValue: 1000 } }, onEvent }
      if (env['STIGG_API_URL'] && env['STIGG_API_KEY']) {
        return toNodeHandler({ ...shared, apiKey: env['STIGG_API_KEY'], upstreamUrl: env['STIGG_API_URL'], dialect })
      }
      if (env['STIGG_API_URL'] || env['STIGG_API_KEY']) {
        logger.warn('[react-stigg proxy] only one of STIGG_API_URL and STIGG_API_KEY is set; set both to use a real Stigg. Using the in-process emulator.')
      }
      // Loaded only here, so apps with a real upstream never load the emulator.
      const { createEmulator, defaultCatalog, validateCatalog } = await import('../emulator')
      const { createDevtoolsControl } = await import('../emulator/createDevtoolsControl')
      const emulator = createEmulator(options.emulator)
      await emulator.ready
      api.emulator = emulator
      const catalog = options.emulator?.catalog ? validateCatalog(options.emulator.catalog) : defaultCatalog
      devtools = createDevtoolsControl(emulator, catalog, options.emulator?.now)
      return toNodeHandler({
        ...shared,
        apiKey: emulator.apiKey,
        dialect,
        upstreamUrl: dialect === 'stigg' ? 'http://emulator.local/hosted/graphql' : 'http://emulator.local/graphql',
        fetch: devtools.wrapFetch(emulator.fetch),
      })
    })()
    return handler
  }

  return {
    name: 'react-stigg:proxy',
    api,
    async configureServer(server) {
      const handle = await setup(server.config.logger)
      server.middlewares.use(path, handle)
      // Development only: a production-mode server answers 404, as `vite preview` does.
      server.middlewares.use(DEVTOOLS_PATH, process.env['NODE_ENV'] === 'production' ? devtoolsAbsent : devtoolsMiddleware(devtools))
    },
    async configurePreviewServer(server) {
      const handle = await setup(server.config.logger)
      server.middlewares.use(path, handle)
      server.middlewares.use(DEVTOOLS_PATH, devtoolsAbsent)
    },
  }
}
