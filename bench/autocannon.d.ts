// autocannon ships no types and @types/autocannon is not a dependency; only what bench/http.ts uses.
declare module 'autocannon' {
  interface Histogram {
    average: number
    min: number
    max: number
    p50: number
    p90: number
    p99: number
  }
  interface Options {
    url: string
    connections?: number
    duration?: number
    amount?: number
    method?: string
    headers?: Record<string, string>
    body?: string
    requests?: Array<{ setupRequest?: (request: RequestShape) => RequestShape }>
  }
  interface RequestShape {
    method?: string
    path?: string
    headers?: Record<string, string>
    body?: string
  }
  interface Result {
    requests: Histogram
    latency: Histogram
    duration: number
    errors: number
    timeouts: number
    non2xx: number
    '2xx': number
  }
  function autocannon(options: Options): Promise<Result>
  export default autocannon
}
