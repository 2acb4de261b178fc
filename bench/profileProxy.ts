// Where the proxy's CPU goes on distinct reads: `npx tsx bench/profileProxy.ts [proxy|forwarder] [seconds]`.
// Starts the emulator and the proxy (or the forwarder) in their own processes, the proxy under
// `node --cpu-prof`, loads it with the bench's 240 distinct reads, and prints the heaviest
// functions by self time. Not part of `npm run bench`. `--cpu-prof` samples wall time: on a busy
// machine a preempted thread's wait shows up as work (syscalls look heavy); for on-CPU time use
// `perf record -g` on a server started with `node --perf-basic-prof` (STIGG_BENCH_KEEP_BUNDLE=1
// keeps the proxy's bundle so perf can name its lines).
import { spawn } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import autocannon from 'autocannon'
import { distinctReads } from './fixtures'
import { spawnServer } from './spawnServer'

const kind = process.argv[2] ?? 'proxy'
const seconds = Number(process.argv[3] ?? 6)
const profileDir = mkdtempSync(join(tmpdir(), 'stigg-prof-'))

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  children?: number[]
}

const emulator = await spawnServer('emulator')
const upstream = emulator.url.endsWith('/graphql') ? emulator.url : `${emulator.url}/graphql`
const child = spawn(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, '--import', 'tsx', 'bench/serve.ts', kind, upstream], { stdio: ['ignore', 'pipe', 'inherit'] })
const url = await new Promise<string>((resolve) => createInterface({ input: child.stdout }).once('line', (line) => resolve((JSON.parse(line) as { url: string }).url)))
const rotate = distinctReads()
let next = 0
const options = {
  url,
  connections: 50,
  requests: [
    {
      setupRequest: (request: object) => {
        const read = rotate[next++ % rotate.length]!
        return { ...request, method: 'POST', body: read.body, headers: { 'content-type': 'application/json', cookie: read.cookie } }
      },
    },
  ],
}
const warm = await autocannon({ ...options, duration: 2 })
const result = await autocannon({ ...options, duration: seconds })
console.log(`${kind}: ${Math.round(result.requests.average)} req/s, ${result.non2xx + result.errors} failures`)
child.kill('SIGTERM')
await new Promise((resolve) => child.once('exit', resolve))
emulator.close()

const file = readdirSync(profileDir).find((name) => name.endsWith('.cpuprofile'))!
const profile = JSON.parse(readFileSync(join(profileDir, file), 'utf8')) as { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }
const self = new Map<number, number>()
profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)))
const total = [...self.values()].reduce((a, b) => a + b, 0)
const byFunction = new Map<string, number>()
const byFile = new Map<string, number>()
for (const node of profile.nodes) {
  const time = self.get(node.id) ?? 0
  const { functionName, url: source, lineNumber } = node.callFrame
  const short = source.replace(/^.*\/(node_modules|src|bench)\//, '$1/').replace(/^node:/, '')
  const name = `${functionName || '(anonymous)'} ${short}:${lineNumber + 1}`
  byFunction.set(name, (byFunction.get(name) ?? 0) + time)
  const group = short === '' ? functionName : short
  byFile.set(group, (byFile.get(group) ?? 0) + time)
}
// µs of profile time per answered request (warm-up included in both), idle left out of the total.
const requests = warm['2xx'] + result['2xx']
const busy = total - (byFunction.get('(idle) :1') ?? 0)
console.log(`busy ${(busy / requests).toFixed(1)} µs per request (${requests} requests)`)
const print = (title: string, map: Map<string, number>, count: number) => {
  console.log(`\n${title}`)
  for (const [name, time] of [...map].sort((a, b) => b[1] - a[1]).slice(0, count)) console.log(`${(time / requests).toFixed(1).padStart(6)} µs  ${name}`)
}
const byLayer = new Map<string, number>()
for (const [group, time] of byFile) {
  const layer = group.startsWith('src/') ? 'ours (src/)' : group.startsWith('bench/') || group.startsWith('node_modules/') ? 'bench harness, tsx' : /^[a-z_]/.test(group) ? 'Node (JS)' : group
  byLayer.set(layer, (byLayer.get(layer) ?? 0) + time)
}
print('self time by layer', byLayer, 12)
print('self time by function', byFunction, 45)
print('self time by file', byFile, Number(process.env.FILES ?? 30))
console.log(`\nprofile: ${join(profileDir, file)} ${requests}`)
process.exit(0)
