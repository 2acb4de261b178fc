import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { MutationObserver, QueryClient } from '@tanstack/react-query'
import {
  createEntitlementBatcher,
  createStiggClient,
  reportUsageMutationOptions,
  type ReportUsageParams,
  type StiggQueryContext,
} from 'react-stigg'
import { startEmulator, type RunningEmulator } from 'react-stigg/emulator'
import { createStiggProxy, toNodeHandler } from 'react-stigg/server'
import { startLossyHop, type LossyHop } from './lossyHop'

const KEY = 'ledger-key'
const CUSTOMER = 'customer-ledger'
const FEATURE = 'feature-api-calls'
const REPORTS = 1_000
const CONCURRENCY = 20

let upstream: RunningEmulator
let proxyServer: Server
let hop: LossyHop
// Every idempotency key the hop saw per report value (each value is reported by exactly one report).
const keysByValue = new Map<number, Set<string>>()

beforeAll(async () => {
  upstream = await startEmulator({ apiKey: KEY })
  upstream.emulator.admin.addCustomer({ customerId: CUSTOMER, planId: 'plan-enterprise', status: 'ACTIVE' })
  const proxy = createStiggProxy({
    apiKey: KEY,
    upstreamUrl: upstream.url,
    identify: (request) => (request.headers.get('cookie') === `session=${CUSTOMER}` ? { customerId: CUSTOMER } : null),
    allow: { reportUsage: { maxValue: REPORTS } },
  })
  proxyServer = createServer(toNodeHandler(proxy))
  await new Promise<void>((resolve) => proxyServer.listen(0, '127.0.0.1', resolve))
  hop = await startLossyHop({
    target: `http://127.0.0.1:${(proxyServer.address() as AddressInfo).port}/api/stigg`,
    seed: 8,
    dropRequest: 0.2,
    dropResponse: 0.2,
    duplicate: 0.1,
    onRequest: (body) => {
      const input = (JSON.parse(body) as { variables?: { input?: { value: number; idempotencyKey: string } } }).variables?.input
      if (input === undefined) return
      const keys = keysByValue.get(input.value) ?? new Set<string>()
      keys.add(input.idempotencyKey)
      keysByValue.set(input.value, keys)
    },
  })
})

afterAll(async () => {
  await hop.close()
  await new Promise<void>((resolve) => proxyServer.close(() => resolve()))
  await upstream.close()
})

describe('usage through a lossy network', () => {
  it('1,000 reports with 20% dropped requests, 20% dropped responses, 10% duplicates: the total is exact', async () => {
    const queryClient = new QueryClient()
    const client = createStiggClient({ url: hop.url, headers: { cookie: `session=${CUSTOMER}` } })
    const ctx: StiggQueryContext = { client, batcher: createEntitlementBatcher(client), retry: true }
    // The real mutation path (idempotency key per report, retry policy); only the backoff is shortened.
    const options = { ...reportUsageMutationOptions(ctx, { customerId: CUSTOMER, queryClient }), retryDelay: () => 5 }

    let gaveUp = 0
    async function report(value: number): Promise<void> {
      // One variables object per report: TanStack's retries and our resubmissions reuse it, and with it its key.
      const variables: ReportUsageParams = { featureId: FEATURE, value }
      for (let attempt = 0; attempt < 20; attempt++) {
        try {
          await new MutationObserver(queryClient, options).mutate(variables)
          return
        } catch {
          gaveUp++ // the client's retries were exhausted: the app resubmits the same report
        }
      }
      throw new Error(`report ${value} never went through`)
    }

    const values = Array.from({ length: REPORTS }, (_, i) => i + 1)
    let next = 0
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < values.length) await report(values[next++] as number)
      }),
    )

    const expected = (REPORTS * (REPORTS + 1)) / 2
    expect(upstream.emulator.admin.getUsage(CUSTOMER, FEATURE)).toBe(expected)
    // The faults really happened, at about the configured rates.
    expect(hop.stats.droppedRequests).toBeGreaterThan(hop.stats.requests * 0.15)
    expect(hop.stats.droppedResponses).toBeGreaterThan(hop.stats.requests * 0.15)
    expect(hop.stats.duplicated).toBeGreaterThan(hop.stats.requests * 0.06)
    // Every attempt of one report carried the same key, and no two reports shared one.
    expect(keysByValue.size).toBe(REPORTS)
    for (const keys of keysByValue.values()) expect(keys.size).toBe(1)
    expect(new Set([...keysByValue.values()].flatMap((keys) => [...keys])).size).toBe(REPORTS)
    expect(hop.stats.requests).toBeGreaterThan(REPORTS * 1.5)
    // ~12 s alone on 2 cores (about 1,800 requests through three HTTP hops); generous for a shared CPU.
  }, 120_000)
})
