// The proxy's added latency: one request at a time, so queueing under load does not hide it.
import { Agent, request } from 'node:http'
import type { HttpFigures, Target } from './http'

function timedPost(target: Target, agent: Agent): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const req = request(target.url, { method: 'POST', agent, headers: target.headers }, (res) => {
      res.resume()
      res.on('end', () => {
        if (res.statusCode === 200) resolve(performance.now() - started)
        else reject(new Error(`bench http: ${target.url} answered ${res.statusCode} in the sequential run`))
      })
    })
    req.on('error', reject)
    req.end(target.body)
  })
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

/** Interleaves direct and proxied requests one at a time so both see the same machine state. */
export async function sequentialOverhead(direct: Target, proxied: Target, count: number): Promise<HttpFigures['sequential']> {
  const directAgent = new Agent({ keepAlive: true, maxSockets: 1 })
  const proxyAgent = new Agent({ keepAlive: true, maxSockets: 1 })
  const directTimes: number[] = []
  const proxyTimes: number[] = []
  try {
    for (let i = 0; i < count + 100; i++) {
      const d = await timedPost(direct, directAgent)
      const p = await timedPost(proxied, proxyAgent)
      if (i >= 100) {
        directTimes.push(d)
        proxyTimes.push(p)
      }
    }
  } finally {
    directAgent.destroy()
    proxyAgent.destroy()
  }
  return { requests: count, emulatorP50Ms: median(directTimes), proxyP50Ms: median(proxyTimes) }
}
