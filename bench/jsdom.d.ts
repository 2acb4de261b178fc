// jsdom ships no types and @types/jsdom is not a dependency; only what bench/dom.ts uses.
declare module 'jsdom' {
  interface JSDOMOptions {
    url?: string
    pretendToBeVisual?: boolean
  }
  export class JSDOM {
    constructor(html?: string, options?: JSDOMOptions)
    readonly window: Window & typeof globalThis
  }
}
