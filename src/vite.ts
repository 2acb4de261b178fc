// react-stigg/vite: the development server plugin, apart from react-stigg/server so the proxy needs no `vite`.
export { stiggDevPlugin, DEMO_CUSTOMER_COOKIE } from './vite/stiggDevPlugin'
export type { StiggDevPlugin, StiggDevPluginApi, StiggDevPluginOptions } from './vite/stiggDevPlugin'
