/**
 * `npm run fuzz`: the proxy's property-based run, longer than the one in `npm test`.
 * FUZZ_RUNS (default 200,000) cases; FUZZ_SEED (default: random, printed) to reproduce a run.
 */
import { runAllowedFuzz, runFuzz } from '../test/reliability/runFuzz'

const numRuns = Number(process.env.FUZZ_RUNS ?? 200_000)
const seed = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31))
if (!Number.isInteger(numRuns) || numRuns <= 0) {
  console.error(`fuzz: FUZZ_RUNS must be a positive integer, got '${process.env.FUZZ_RUNS}'`)
  process.exit(2)
}
if (!Number.isInteger(seed)) {
  console.error(`fuzz: FUZZ_SEED must be an integer, got '${process.env.FUZZ_SEED}'`)
  process.exit(2)
}

console.log(`fuzz: ${numRuns.toLocaleString('en-US')} cases, seed ${seed} (rerun with FUZZ_SEED=${seed})`)
const started = performance.now()
try {
  const stats = await runFuzz({ numRuns, seed })
  const allowed = await runAllowedFuzz({ numRuns: Math.max(1, Math.floor(numRuns / 10)), seed })
  const seconds = (performance.now() - started) / 1000
  console.log(`fuzz: passed in ${seconds.toFixed(1)} s — ${stats.forwarded.toLocaleString('en-US')} forwarded and checked`)
  console.log(`fuzz: statuses ${JSON.stringify(stats.byStatus)}`)
  console.log(`fuzz: ${allowed.forwarded.toLocaleString('en-US')} allowed-only documents, all forwarded`)
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
}
