import type { StorybookConfig } from '@storybook/react-vite'
import type { PluginOption } from 'vite'

// Storybook merges the root vite.config.ts; a declaration plugin there would emit .d.ts
// files (and slow every story build), so drop it by name.
const isDeclarationPlugin = (plugin: PluginOption): boolean =>
  !!plugin && typeof plugin === 'object' && 'name' in plugin && /dts|declaration/i.test(plugin.name)

const withoutDeclarationPlugins = (plugins: PluginOption[]): PluginOption[] =>
  plugins.flatMap((plugin) =>
    Array.isArray(plugin) ? [withoutDeclarationPlugins(plugin)] : isDeclarationPlugin(plugin) ? [] : [plugin],
  )

const config: StorybookConfig = {
  framework: '@storybook/react-vite',
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  core: { disableTelemetry: true },
  viteFinal(viteConfig) {
    return { ...viteConfig, plugins: withoutDeclarationPlugins(viteConfig.plugins ?? []) }
  },
}

export default config
