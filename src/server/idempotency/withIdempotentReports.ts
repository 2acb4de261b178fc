import { getArgumentValues, parse } from 'graphql'
import type { HttpAnswer } from '../../graphql/HttpAnswer'
import { LruCache } from '../../graphql/LruCache'
import type { StiggDialect, VettedOperation } from '../dialects/StiggDialect'
import type { UpstreamEconomy } from '../economy/createUpstreamEconomy'
import { findSites, type UsageField } from '../firewall/findSites'
import { jsonHeaders, ProxyRefusal } from '../ProxyRefusal'
import type { StiggProxyStoreErrorEvent } from '../types'
import type { ResolvedIdempotency } from './resolveIdempotencyOptions'
import { callStore } from '../store/callStore'

/** A store call slower than this counts as failed: the report goes upstream as if the key were new. */
const STORE_DEADLINE_MS = 50
/** How often a duplicate whose first attempt runs on another instance looks for its answer. */
const POLL_MS = 50
/** Stripe's bound; the browser's keys are UUIDs (36). Longer keys would let one browser fill the store. */
export const MAX_IDEMPOTENCY_KEY_LENGTH = 255

/** What is remembered per (customer, key): the request's fingerprint and the answer the browser got. */
interface Remembered {
  f: string
  status: number
  body: string
}

type Outcome = { fingerprint: string; answer: HttpAnswer; source: 'upstream' | 'cache' }

/**
 * At most one upstream report per (customer, idempotency key) within `windowMs`, whatever the
 * upstream: hosted Stigg's `ReportUsageInput` has no `idempotencyKey`, so without this a browser
 * retry after a lost response counts twice there. The first complete answer (HTTP 200, no
 * GraphQL errors, after the dialect's mapping) is remembered in the store and replayed to a
 * repeat; a duplicate arriving while the first is in flight waits for it (in this process: joins
 * its promise; on another instance sharing the store: a claim key, then polling). A failed first
 * attempt is not remembered, so the retry goes upstream. The same key with another feature or
 * value is refused (422 IDEMPOTENCY_KEY_REUSED, as the IETF Idempotency-Key draft says; Stripe
 * answers 400). A store that fails or is slow costs the guarantee across instances, never the report.
 */
export function withIdempotentReports(
  economy: UpstreamEconomy,
  dialect: StiggDialect,
  config: ResolvedIdempotency | undefined,
  report: (event: StiggProxyStoreErrorEvent) => void,
): UpstreamEconomy {
  if (config === undefined) return economy
  const { windowMs, store, claimMs } = config
  const usageFields = new LruCache<string, UsageField | null>(64)
  const inFlight = new Map<string, Promise<Outcome>>()

  const keyOf = (operation: VettedOperation): { key: string; fingerprint: string } | undefined => {
    let field = usageFields.get(operation.query)
    if (field === undefined) {
      field = findSites(parse(operation.query), dialect).usageFields[0] ?? null
      usageFields.set(operation.query, field)
    }
    if (field === null) return undefined
    const input = getArgumentValues(field.definition, field.node, operation.variables)['input']
    if (typeof input !== 'object' || input === null) return undefined
    const { idempotencyKey, ...rest } = input as Record<string, unknown>
    if (typeof idempotencyKey !== 'string') return undefined
    if (idempotencyKey.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
      throw new ProxyRefusal(
        400,
        'BAD_USER_INPUT',
        `reportUsage idempotencyKey is ${idempotencyKey.length} characters long; the Stigg proxy accepts at most ${MAX_IDEMPOTENCY_KEY_LENGTH}.`,
      )
    }
    // Coerced input: keys in the schema's field order, so equal requests print equal.
    return { key: idempotencyKey, fingerprint: JSON.stringify(rest) }
  }

  const guarded = <T>(operation: 'get' | 'set', customerId: string, call: () => Promise<T>): Promise<T | undefined> =>
    callStore(call, STORE_DEADLINE_MS, 'the idempotency store').catch((error: unknown) => {
      report({ type: 'store_error', operation, customerId, message: error instanceof Error ? error.message : String(error) })
      return undefined
    })
  const remembered = async (customerId: string, storeKey: string): Promise<Remembered | undefined> => {
    const text = await guarded('get', customerId, () => store.get(`${storeKey}:a`))
    if (text === undefined) return undefined
    try {
      return JSON.parse(text) as Remembered
    } catch {
      return undefined
    }
  }
  const replay = (found: Remembered): Outcome => ({
    fingerprint: found.f,
    answer: { status: found.status, headers: jsonHeaders, body: found.body },
    source: 'cache',
  })

  /** The first attempt for this key in this process: replay, wait for another instance, or call upstream. */
  const attempt = async (customerId: string, storeKey: string, fingerprint: string, send: () => ReturnType<UpstreamEconomy['answer']>): Promise<Outcome> => {
    const waitUntil = Date.now() + claimMs
    claiming: for (;;) {
      const found = await remembered(customerId, storeKey)
      if (found) return replay(found)
      const claim = await guarded('set', customerId, () => store.increment(`${storeKey}:c`, 1, claimMs))
      if (claim === undefined || claim <= 1) break // ours (or the store is down: fail open)
      // Another instance holds the key: its answer, or its release after a failure, shows up in the store.
      for (;;) {
        if (Date.now() > waitUntil) {
          throw new ProxyRefusal(409, 'IDEMPOTENCY_KEY_IN_USE', 'A usage report with this idempotencyKey is still in progress; retry once it has answered.')
        }
        await new Promise((resolve) => setTimeout(resolve, POLL_MS))
        const after = await remembered(customerId, storeKey)
        if (after) return replay(after)
        const held = await guarded('get', customerId, () => store.get(`${storeKey}:c`))
        if (held === undefined || held === '0') continue claiming
      }
    }
    let answer: HttpAnswer | undefined
    try {
      answer = (await send()).answer
      return { fingerprint, answer, source: 'upstream' }
    } finally {
      // Only a report that counted is remembered. Otherwise the claim goes back to 0 (keeping an
      // expiry: a later increment inherits it), so the retry, here or elsewhere, goes upstream.
      if (answer !== undefined && answer.status === 200 && !answer.body.includes('"errors"')) {
        const record: Remembered = { f: fingerprint, status: answer.status, body: answer.body }
        await guarded('set', customerId, () => store.set(`${storeKey}:a`, JSON.stringify(record), windowMs))
      } else {
        await guarded('set', customerId, () => store.set(`${storeKey}:c`, '0', claimMs))
      }
    }
  }

  return {
    answer(customerId, operation, send) {
      const usage = operation.rootFields.includes(dialect.reportUsageField) ? keyOf(operation) : undefined
      // Not an async method: every read passes through here, and a returned Promise would cost it an extra wrap and two ticks.
      if (usage === undefined) return economy.answer(customerId, operation, send)
      return once(customerId, operation, send, usage)
    },
  }

  async function once(customerId: string, operation: VettedOperation, send: Parameters<UpstreamEconomy['answer']>[2], usage: { key: string; fingerprint: string }) {
    // Length-prefixed: customer "a:b" with key "c" and customer "a" with key "b:c" stay apart.
    const storeKey = `i:${customerId.length}:${customerId}:${usage.key}`
    let outcome = inFlight.get(storeKey)
    const joined = outcome !== undefined
    if (outcome === undefined) {
      outcome = attempt(customerId, storeKey, usage.fingerprint, () => economy.answer(customerId, operation, send))
      inFlight.set(storeKey, outcome)
      const settle = () => inFlight.delete(storeKey)
      outcome.then(settle, settle)
    }
    const { fingerprint, answer, source } = await outcome
    if (fingerprint !== usage.fingerprint) {
      throw new ProxyRefusal(
        422,
        'IDEMPOTENCY_KEY_REUSED',
        `reportUsage idempotencyKey "${usage.key}" was already used with another feature or value; send a new key for a new report.`,
      )
    }
    return { answer, source: joined ? ('shared' as const) : source }
  }
}