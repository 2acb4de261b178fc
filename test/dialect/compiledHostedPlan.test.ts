import { getOperationAST, parse } from 'graphql'
import { createEmulator } from 'react-stigg/emulator'
import { describe, expect, it } from 'vitest'
import { entitlementsDocument, provisionCustomerDocument, reportUsageDocument, subscriptionsDocument } from '../../src/core/documents'
import { LruCache } from '../../src/graphql/LruCache'
import { compileHostedPlan } from '../../src/server/dialects/stigg/compileHostedPlan'
import { createStiggDialect } from '../../src/server/dialects/stigg/createStiggDialect'
import { mapHostedResponse } from '../../src/server/dialects/stigg/mapHostedResponse'
import { translateToHosted } from '../../src/server/dialects/stigg/translateToHosted'
import { createFirewall } from '../../src/server/firewall/createFirewall'
import { resolveProxyOptions } from '../../src/server/resolveProxyOptions'

// The compiled per-document plan (compileHostedPlan) must answer byte for byte what the general
// path (translate, then execute the seed document over the mapped values) answers, for every
// shape and every answer, including the odd ones where it falls back.
const customer = 'customer-pro'
const now = new Date('2026-06-01T00:00:00Z')
const config = resolveProxyOptions({
  apiKey: 'k',
  upstreamUrl: 'http://127.0.0.1/graphql',
  identify: () => null,
  dialect: 'stigg',
  allow: { reportUsage: { maxValue: 100 }, provisionCustomer: { plans: ['plan-pro'], trial: true } },
})
const firewall = createFirewall(config.dialect, config.allow)

const features = ['feature-api-calls', 'feature-seats', 'feature-sso', 'feature-analytics']
const batch = (count: number) => ({
  query: entitlementsDocument(count),
  operationName: null,
  variables: Object.fromEntries([['customerId', customer], ...Array.from({ length: count }, (_, i) => [`f${i}`, features[i % features.length]!])]),
})
const documents = {
  'batch of 1': batch(1),
  'batch of 100': batch(100),
  subscriptions: { query: subscriptionsDocument, operationName: null, variables: { customerId: customer } },
  'report usage': { query: reportUsageDocument, operationName: null, variables: { input: { customerId: customer, featureId: 'feature-api-calls', value: 2 } } },
  provision: { query: provisionCustomerDocument, operationName: null, variables: { input: { customerId: customer, name: 'Pro', subscriptionParams: { planId: 'plan-pro', status: 'TRIAL' } } } },
  'literals, __typename, inline fragment, repeated leaf': {
    query: `query Q { __typename a: customerEntitlement(customerId: "${customer}", featureId: "feature-sso") { __typename isGranted isGranted ... on Entitlement { featureId feature { id } } } }`,
    operationName: 'Q',
    variables: {},
  },
  '@skip at the root (general path)': {
    query: `query S($s: Boolean!) { a: customerEntitlement(customerId: "${customer}", featureId: "feature-sso") @skip(if: $s) { isGranted } b: customerEntitlement(customerId: "${customer}", featureId: "feature-seats") { usageLimit } }`,
    operationName: 'S',
    variables: { s: true },
  },
}

type Json = Record<string, any>
/** Odd hosted answers: each must map the same way on both paths (most make the compiled path fall back). */
const variants: Record<string, (answer: Json) => Json> = {
  'as the emulator answers': (answer) => answer,
  'a null entitlement': (answer) => ({ data: { ...answer.data, h0: null } }),
  'a field error': (answer) => ({ data: { ...answer.data, h0: null }, errors: [{ message: 'nope', path: ['h0'], extensions: { code: 'CustomerNotFound' } }] }),
  'an unknown reset period and a string usage': (answer) => ({ data: Object.fromEntries(Object.entries(answer.data ?? {}).map(([key, value]) => [key, value && typeof value === 'object' ? { ...value, resetPeriod: 'DECADE', currentUsage: '5' } : value])) }),
  'a request-level error': (answer) => ({ data: answer.data, errors: [{ message: 'slow down' }] }),
  'no data': () => ({ errors: [{ message: 'broken', path: ['h0'] }], data: null }),
}

describe('compiled hosted plans answer exactly what the general path answers', async () => {
  const emulator = createEmulator({ apiKey: 'k' })
  await emulator.ready
  for (const [name, body] of Object.entries(documents)) {
    it(name, async () => {
      const dialect = createStiggDialect(() => now)
      const operation = firewall(body, customer)
      const general = translateToHosted(operation, config.dialect.schema, new LruCache(4))
      expect(dialect.buildUpstreamBody(operation)).toBe(general.body)
      const response = await emulator.fetch(
        new Request('http://emulator.local/hosted/graphql', { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': 'k' }, body: general.body }),
      )
      const answer = (await response.json()) as Json
      expect(answer.errors).toBeUndefined()
      // Every shape the client sends is compiled, and answers the emulator's answer without executing.
      const document = parse(operation.query)
      const plan = compileHostedPlan(document, getOperationAST(document, operation.operationName)!, config.dialect.schema, operation.operationName)
      if (name.includes('general path')) expect(plan).toBeUndefined()
      else {
        const compiled = plan!.translate(operation)
        let projected: unknown
        const watched = { ...compiled, project: (results: Map<string, unknown>) => (projected = compiled.project!(results)) }
        mapHostedResponse(structuredClone(answer), watched, config.dialect.schema, operation.variables, now)
        expect(projected).toBeDefined()
      }
      for (const [variant, change] of Object.entries(variants)) {
        const hosted = change(answer)
        const expected = mapHostedResponse(structuredClone(hosted), general, config.dialect.schema, operation.variables, now)
        expect({ variant, mapped: dialect.mapResponse(structuredClone(hosted), operation) }).toEqual({ variant, mapped: expected })
        expect(JSON.stringify(dialect.mapResponse(structuredClone(hosted), operation))).toBe(JSON.stringify(expected))
      }
    })
  }
})
