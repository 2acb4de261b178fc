import type { HttpAnswer } from '../../graphql/HttpAnswer'
import type { StiggDialect, VettedOperation } from '../dialects/StiggDialect'
import { jsonHeaders } from '../ProxyRefusal'
import type { StiggProxyStoreErrorEvent } from '../types'
import { createAnswerCache, type AnswerCache } from './createAnswerCache'
import { createInFlightSharing } from './createInFlightSharing'
import type { ResolvedCache } from './resolveCacheOptions'

/** Where an answer came from: a call of its own, a call another request had in flight, or the cache. */
export type AnswerSource = 'upstream' | 'shared' | 'cache'

export interface UpstreamEconomy {
  /**
   * Answers a vetted operation of `customerId`, calling `send` with the dialect's upstream body
   * only when no shared call or cached answer serves it. The body is built once: it is also the sharing key.
   */
  answer(customerId: string, operation: VettedOperation, send: (body: string) => Promise<HttpAnswer>): Promise<{ answer: HttpAnswer; source: AnswerSource }>
}

/**
 * Fewer upstream calls, never another customer's data. Every key starts with the customer
 * (identified, and pinned by the firewall) and then is the dialect's upstream body: the
 * normalized operation and its coerced variables, so resource and feature ids are in it too.
 * Reads share calls in flight (always) and, with `cache`, stored answers; any other operation
 * (usage reports, provisioning) goes straight through and, once answered, cuts the customer's
 * reads off from everything that started before it.
 */
export function createUpstreamEconomy(
  dialect: StiggDialect,
  cache: ResolvedCache | undefined,
  report: (event: StiggProxyStoreErrorEvent) => void,
): UpstreamEconomy {
  const reads = new Set(dialect.queryFields)
  const isRead = (operation: VettedOperation) => operation.rootFields.every((field) => reads.has(field) || field.startsWith('__'))
  const inFlight = createInFlightSharing()
  const answers =
    cache &&
    createAnswerCache(cache, (operation, error, customerId) =>
      report({ type: 'store_error', operation, customerId, message: error instanceof Error ? error.message : String(error) }),
    )

  const write = async (customerId: string, body: string, send: (body: string) => Promise<HttpAnswer>) => {
    try {
      return { answer: await send(body), source: 'upstream' as const }
    } finally {
      // Also after a failure: the write may have reached Stigg before the connection broke.
      inFlight.forget(customerId)
      if (answers) await answers.invalidate(customerId)
    }
  }

  return {
    answer(customerId, operation, send) {
      const key = dialect.buildUpstreamBody(operation)
      if (!isRead(operation)) return write(customerId, key, send)
      if (!answers) {
        const call = inFlight.share(customerId, key, send)
        // One reaction, no async frame: the default path (no cache) of every read.
        return call.answer.then((answer) => ({ answer, source: call.joined ? 'shared' : 'upstream' }))
      }
      return cachedRead(answers, customerId, key, send)
    },
  }

  async function cachedRead(answers: AnswerCache, customerId: string, key: string, send: (body: string) => Promise<HttpAnswer>): Promise<{ answer: HttpAnswer; source: AnswerSource }> {
    const found = await answers.lookup(customerId, key)
    if (found.body !== undefined) return { answer: { status: 200, headers: jsonHeaders, body: found.body }, source: 'cache' }
    const call = inFlight.share(customerId, key, send)
    const answer = await call.answer
    if (call.joined) return { answer, source: 'shared' }
    // Only complete answers: an error (even one field's) is asked again next time.
    if (found.generation !== undefined && answer.status === 200 && !answer.body.includes('"errors"')) {
      answers.remember(customerId, key, found.generation, answer.body)
    }
    return { answer, source: 'upstream' }
  }
}
