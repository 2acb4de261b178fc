/**
 * Loads a Node built-in at run time. The specifier is opaque to bundlers on purpose, so a
 * browser build of the emulator (Storybook) neither warns about nor stubs modules it never runs.
 */
export function importNode<T>(specifier: `node:${string}`): Promise<T> {
  return import(/* @vite-ignore */ specifier) as Promise<T>
}
