import { JSDOM } from 'jsdom'

let installed: JSDOM | undefined

/**
 * Gives this Node process a DOM, as a browser tab has, once. Must run before react-dom or
 * @tanstack/query-core load: both decide "am I on a server?" at import time, which is why
 * the sections import React and react-stigg dynamically, after calling this.
 */
export function installDom(): void {
  if (installed !== undefined) return
  const dom = new JSDOM('<!doctype html><html><body></body></html>', {
    url: 'http://127.0.0.1/',
    pretendToBeVisual: true,
  })
  installed = dom
  const globals: Record<string, unknown> = {
    window: dom.window,
    document: dom.window.document,
    navigator: dom.window.navigator,
    location: dom.window.location,
    HTMLElement: dom.window.HTMLElement,
    Node: dom.window.Node,
    MutationObserver: dom.window.MutationObserver,
    requestAnimationFrame: dom.window.requestAnimationFrame.bind(dom.window),
    cancelAnimationFrame: dom.window.cancelAnimationFrame.bind(dom.window),
  }
  for (const [name, value] of Object.entries(globals)) {
    Object.defineProperty(globalThis, name, { value, configurable: true, writable: true })
  }
}

/** Polls until `condition` holds; a benchmark that never settles fails with what it waited for. */
export async function waitUntil(what: string, condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`bench: gave up after ${timeoutMs} ms waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

/** Lets late work (refetches, effects, timers) surface before counting. */
export function quiet(ms = 100): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
