import fc from 'fast-check'
import { createStiggProxy } from 'react-stigg/server'
import { checkForwarded, type FirewallRules } from './firewallChecker'
import { allowedDocumentArb, allowedMutationArb, caseArb, IDENTIFIED, type FuzzCase } from './fuzzArbitraries'

/**
 * Property-based run of the proxy, in-process: each case is one browser request; the upstream is
 * an in-memory `fetch` that judges every forwarded request with the independent checker and
 * answers canned JSON. Shared by the `npm test` property (10,000 cases) and `npm run fuzz`.
 */

export const FUZZ_KEY = 'sk_full_access_FUZZ_3c1e9a7b5d'
const upstreamUrl = 'http://upstream.invalid/graphql'

const allows = [
  { reportUsage: { maxValue: 1000 }, provisionCustomer: true, introspection: false },
  { reportUsage: false as const, provisionCustomer: false, introspection: false },
] as const

export interface FuzzStats {
  cases: number
  forwarded: number
  byStatus: Record<number, number>
}

export interface FuzzHarness {
  send(testCase: FuzzCase): Promise<string[]>
  stats: FuzzStats
}

/** Builds the handler under test; tests swap in a deliberately broken one to show the fuzz can fail. */
export type ProxyFactory = typeof createStiggProxy

export function createFuzzHarness(createProxy: ProxyFactory = createStiggProxy): FuzzHarness {
  const stats: FuzzStats = { cases: 0, forwarded: 0, byStatus: {} }
  let forwardedThisCase: string[][] = []
  let currentRules: FirewallRules | null = null

  const upstream = async (request: Request): Promise<Response> => {
    const violations = checkForwarded(
      { method: request.method, headers: request.headers, body: await request.text() },
      currentRules as FirewallRules,
    )
    if (request.url !== upstreamUrl) violations.push(`forwarded to ${request.url}`)
    forwardedThisCase.push(violations)
    return new Response(JSON.stringify({ data: { __typename: 'Query' } }), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    })
  }

  const proxies = allows.map((allow) =>
    createProxy({
      apiKey: FUZZ_KEY,
      upstreamUrl,
      identify: (request) => {
        const id = request.headers.get('x-test-customer')
        return id === null ? null : { customerId: id }
      },
      allow,
      fetch: upstream,
    }),
  )

  async function send(testCase: FuzzCase): Promise<string[]> {
    const allow = allows[testCase.config] ?? allows[0]
    currentRules = {
      apiKey: FUZZ_KEY,
      customerId: IDENTIFIED,
      reportUsage: allow.reportUsage,
      provisionCustomer: allow.provisionCustomer,
      introspection: allow.introspection,
      maxDepth: 8,
      maxRootFields: 100,
    }
    forwardedThisCase = []
    const headers: Record<string, string> = {}
    if (testCase.contentType !== '') headers['content-type'] = testCase.contentType
    if (testCase.identified) headers['x-test-customer'] = IDENTIFIED
    if (testCase.browserKey) headers['x-api-key'] = 'browser-guess'
    headers.cookie = 'session=abc'
    const bodyAllowed = testCase.method !== 'GET' && testCase.method !== 'HEAD'
    const request = new Request('http://proxy.test/api/stigg', {
      method: testCase.method,
      headers,
      body: bodyAllowed ? testCase.body : undefined,
    })
    const proxy = proxies[testCase.config] ?? proxies[0]
    const response = await (proxy as (r: Request) => Promise<Response>)(request)
    const text = await response.text()

    stats.cases++
    stats.byStatus[response.status] = (stats.byStatus[response.status] ?? 0) + 1
    stats.forwarded += forwardedThisCase.length

    const problems: string[] = forwardedThisCase.flat()
    if (response.status >= 500) problems.push(`proxy answered ${response.status}: ${text.slice(0, 200)}`)
    if (forwardedThisCase.length > 1) problems.push(`one browser request was forwarded ${forwardedThisCase.length} times`)
    if (text.includes(FUZZ_KEY)) problems.push('the key appears in the response body')
    response.headers.forEach((value, name) => {
      if (value.includes(FUZZ_KEY)) problems.push(`the key appears in response header ${name}`)
    })
    if (!testCase.identified) {
      // Method and content type may be refused first; a well-formed envelope must get 401.
      const envelopeOk = testCase.method === 'POST' && testCase.contentType.startsWith('application/json')
      if (forwardedThisCase.length > 0 || (envelopeOk ? response.status !== 401 : response.status < 400)) {
        problems.push(`no identity answered ${response.status} with ${forwardedThisCase.length} forwarded`)
      }
    }
    if (response.status >= 400) problems.push(...checkRefusalShape(text))
    return problems
  }

  return { send, stats }
}

function checkRefusalShape(text: string): string[] {
  try {
    const body = JSON.parse(text) as { errors?: Array<{ message?: unknown; extensions?: { code?: unknown } }> }
    const first = body.errors?.[0]
    if (typeof first?.message !== 'string' || typeof first.extensions?.code !== 'string') {
      return [`refusal is not GraphQL-shaped: ${text.slice(0, 200)}`]
    }
    return []
  } catch {
    return [`refusal is not JSON: ${text.slice(0, 200)}`]
  }
}

export interface FuzzRunOptions {
  numRuns: number
  seed: number
  createProxy?: ProxyFactory
}

/** Throws (with fast-check's shrunk counterexample) when any case breaks a property. */
export async function runFuzz({ numRuns, seed, createProxy }: FuzzRunOptions): Promise<FuzzStats> {
  const harness = createFuzzHarness(createProxy)
  await fc.assert(
    fc.asyncProperty(caseArb, async (testCase) => {
      const problems = await harness.send(testCase)
      if (problems.length > 0) throw new Error(problems.join('\n'))
    }),
    { numRuns, seed, includeErrorInReport: true },
  )
  return harness.stats
}

/**
 * Liveness next to safety: documents built only from allowed forms for the identified customer
 * must be forwarded exactly once with a 200, so a proxy that refuses everything cannot pass.
 */
export async function runAllowedFuzz({ numRuns, seed }: FuzzRunOptions): Promise<FuzzStats> {
  const harness = createFuzzHarness()
  // Reads under either configuration; usage reports (within the cap) where reporting is enabled.
  const allowedArb = fc.oneof(
    { weight: 4, arbitrary: fc.tuple(allowedDocumentArb, fc.nat({ max: 1 })) },
    { weight: 1, arbitrary: fc.tuple(allowedMutationArb, fc.constant(0)) },
  )
  await fc.assert(
    fc.asyncProperty(allowedArb, async ([request, config]) => {
      const testCase: FuzzCase = {
        body: JSON.stringify(request),
        identified: true,
        method: 'POST',
        contentType: 'application/json',
        config,
        browserKey: false,
      }
      const before = harness.stats.forwarded
      const problems = await harness.send(testCase)
      if (harness.stats.forwarded !== before + 1) problems.push(`an allowed request was not forwarded: ${request.query}`)
      if (problems.length > 0) throw new Error(problems.join('\n'))
    }),
    { numRuns, seed, includeErrorInReport: true },
  )
  return harness.stats
}
