import { createServer, type IncomingMessage, type ServerResponse, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { QueryClient } from '@tanstack/react-query'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { StiggError, createStiggClient, stiggKeys, waitForEntitlement, type StiggClient } from 'react-stigg'

// A scripted GraphQL server on 127.0.0.1: each entitlement poll takes the next answer.
type Answer = { status: number; headers?: Record<string, string>; body: unknown }
let server: Server
let client: StiggClient
let script: Answer[] = []
let polls: number[] = []
let plansAnswer: Answer
let plansReads = 0

const entitlement = (isGranted: boolean) => ({
  featureId: 'feature-x',
  isGranted,
  usageLimit: null,
  currentUsage: 0,
  resetPeriod: null,
  accessDeniedReason: isGranted ? null : 'NoFeatureEntitlementInSubscription',
  usagePeriodEnd: null,
  value: null,
  feature: { id: 'feature-x', displayName: 'X', featureType: 'BOOLEAN', units: null, unitsPlural: null },
})
const denied: Answer = { status: 200, body: { data: { e0: entitlement(false) } } }
const granted: Answer = { status: 200, body: { data: { e0: entitlement(true) } } }
const plansWith = (featureIds: string[]): Answer => ({
  status: 200,
  body: {
    data: {
      plans: [{ id: 'plan-a', name: 'A', description: null, prices: [], features: featureIds.map((featureId) => ({ featureId, isUnlimited: false, usageLimit: null, value: null, resetPeriod: null, feature: { id: featureId, displayName: featureId, featureType: 'BOOLEAN', units: null, unitsPlural: null } })) }],
    },
  },
})

function answer(res: ServerResponse, { status, headers, body }: Answer) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers })
  res.end(JSON.stringify(body))
}

beforeAll(async () => {
  server = createServer(async (req: IncomingMessage, res) => {
    let text = ''
    for await (const chunk of req) text += chunk
    if (text.includes('StiggPlans')) {
      plansReads++
      return answer(res, plansAnswer)
    }
    polls.push(Date.now())
    answer(res, script.shift() ?? denied)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  client = createStiggClient({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql` })
})

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()))
})

beforeEach(() => {
  script = []
  polls = []
  plansReads = 0
  plansAnswer = plansWith(['feature-x'])
})

const rejection = (promise: Promise<unknown>) => promise.then(() => expect.unreachable('resolved'), (error: unknown) => error as StiggError)

describe('waitForEntitlement', () => {
  it('resolves with the entitlement once granted, polling fast at first and then slower', async () => {
    script = [denied, denied, denied, granted]
    const entitlement = await waitForEntitlement({ client, customerId: 'c1' }, 'feature-x', { timeoutMs: 10_000 })
    expect(entitlement).toMatchObject({ featureId: 'feature-x', hasAccess: true })
    expect(polls).toHaveLength(4)
    const gaps = polls.slice(1).map((at, i) => at - polls[i]!)
    expect(gaps[0]).toBeGreaterThanOrEqual(200)
    expect(gaps[0]).toBeLessThan(700)
    // Doubling: each wait is longer than the one before.
    expect(gaps[1]!).toBeGreaterThan(gaps[0]! + 150)
    expect(gaps[2]!).toBeGreaterThan(gaps[1]! + 300)
  })

  it('honours Retry-After on a 429', async () => {
    script = [{ status: 429, headers: { 'retry-after': '1' }, body: { errors: [{ message: 'slow down' }] } }, granted]
    await waitForEntitlement({ client, customerId: 'c1' }, 'feature-x', { timeoutMs: 10_000 })
    expect(polls).toHaveLength(2)
    expect(polls[1]! - polls[0]!).toBeGreaterThanOrEqual(950)
  })

  it('rejects with TIMEOUT after timeoutMs, naming the feature', async () => {
    const started = Date.now()
    const error = await rejection(waitForEntitlement({ client, customerId: 'c1' }, 'feature-x', { timeoutMs: 500 }))
    expect(error).toBeInstanceOf(StiggError)
    expect(error.code).toBe('TIMEOUT')
    expect(error.message).toContain("waitForEntitlement('feature-x')")
    expect(Date.now() - started).toBeGreaterThanOrEqual(480)
    expect(Date.now() - started).toBeLessThan(1500)
  })

  it.each([0, -5, Number.NaN, Number.POSITIVE_INFINITY])('rejects timeoutMs %s with BAD_INPUT and sends nothing', async (timeoutMs) => {
    const error = await rejection(waitForEntitlement({ client, customerId: 'c1' }, 'feature-x', { timeoutMs }))
    expect(error.code).toBe('BAD_INPUT')
    expect(polls).toHaveLength(0)
  })

  it('rejects at once when no plan contains the feature', async () => {
    plansAnswer = plansWith(['feature-other'])
    const started = Date.now()
    const error = await rejection(waitForEntitlement({ client, customerId: 'c1' }, 'feature-x', { timeoutMs: 10_000 }))
    expect(error.code).toBe('FEATURE_NOT_IN_ANY_PLAN')
    expect(error.message).toContain('plan-a')
    expect(Date.now() - started).toBeLessThan(1000)
    expect(polls).toHaveLength(1)
  })

  it('keeps waiting when the plans cannot be read (the check is only a shortcut)', async () => {
    plansAnswer = { status: 403, body: { errors: [{ message: 'not allowed' }] } }
    script = [denied, granted]
    await expect(waitForEntitlement({ client, customerId: 'c1' }, 'feature-x', { timeoutMs: 5000 })).resolves.toMatchObject({ hasAccess: true })
    expect(plansReads).toBe(1)
  })

  it('stops with ABORTED when the signal aborts, and sends no more requests', async () => {
    const controller = new AbortController()
    const waiting = rejection(waitForEntitlement({ client, customerId: 'c1' }, 'feature-x', { timeoutMs: 10_000, signal: controller.signal }))
    await new Promise((resolve) => setTimeout(resolve, 400))
    controller.abort()
    expect((await waiting).code).toBe('ABORTED')
    const count = polls.length
    await new Promise((resolve) => setTimeout(resolve, 700))
    expect(polls.length).toBe(count)
  })

  it('fails at once on an error that retrying cannot fix', async () => {
    script = [{ status: 403, body: { errors: [{ message: 'forbidden' }] } }]
    const error = await rejection(waitForEntitlement({ client, customerId: 'c1' }, 'feature-x', { timeoutMs: 10_000 }))
    expect(error.status).toBe(403)
    expect(polls).toHaveLength(1)
  })

  it('needs a customer', async () => {
    expect((await rejection(waitForEntitlement({ client, customerId: null }, 'feature-x'))).code).toBe('NO_CUSTOMER')
  })

  it("refreshes every cached entitlement and the subscription of that customer, and no one else's", async () => {
    const queryClient = new QueryClient()
    queryClient.setQueryData(stiggKeys.entitlement('c1', 'feature-y'), entitlement(false))
    queryClient.setQueryData(stiggKeys.subscriptions('c1'), [])
    queryClient.setQueryData(stiggKeys.entitlement('c2', 'feature-x'), entitlement(false))
    script = [granted]
    await waitForEntitlement({ client, customerId: 'c1', queryClient }, 'feature-x', { timeoutMs: 5000 })
    const state = (key: readonly unknown[]) => queryClient.getQueryState(key)
    expect(state(stiggKeys.entitlement('c1', 'feature-y'))?.isInvalidated).toBe(true)
    expect(state(stiggKeys.subscriptions('c1'))?.isInvalidated).toBe(true)
    expect(state(stiggKeys.entitlement('c2', 'feature-x'))?.isInvalidated).toBe(false)
    expect(queryClient.getQueryData(stiggKeys.entitlement('c1', 'feature-x'))).toMatchObject({ isGranted: true })
  })
})
