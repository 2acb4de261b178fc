import fc from 'fast-check'
import { entitlementsDocument, reportUsageDocument, subscriptionsDocument } from '../../src/core/documents'

/**
 * fast-check arbitraries for what a hostile browser can POST to the proxy: GraphQL documents
 * drawn from the allowed grammar (and the forbidden corners next to it), mutations of those, and
 * arbitrary or near-valid JSON bodies.
 */

export const IDENTIFIED = 'customer-pro'

/** A small pool so the identified customer comes up often, next to look-alikes. */
const customerPool = [
  IDENTIFIED,
  IDENTIFIED,
  'customer-free',
  'customer-enterprise',
  'CUSTOMER-PRO',
  'customer-pro ',
  ' customer-pro',
  'customer-pro\u0000',
  '',
  'customer-pr',
]
const featurePool = ['feature-api-calls', 'feature-seats', 'feature-sso', 'feature-analytics', 'feature-none']
const valuePool = [1, 5, 999, 1000, 1000.5, 1001, 0, -1, -0, 1e-9, 1e308, 0.5]

type CustomerForm = 'literal' | 'escaped' | 'block' | 'var' | 'varDefault' | 'varDefaultOverridden' | 'varMissing'

interface CustomerSpec {
  form: CustomerForm
  id: string
  other: string
}

type RootSpec =
  | { kind: 'entitlement'; alias: string | null; customer: CustomerSpec; feature: string; withFeature: boolean }
  | { kind: 'subscriptions'; alias: string | null; customer: CustomerSpec }
  | { kind: 'typename' }
  | { kind: 'introspection'; which: '__schema' | '__type' }
  | { kind: 'unknown'; name: string }
  | { kind: 'fragment'; inline: boolean; inner: RootSpec[] }
  | { kind: 'reportUsage'; customer: CustomerSpec; feature: string; value: number; viaInputVar: boolean; valueVar: boolean }
  | { kind: 'provision'; customer: CustomerSpec; viaInputVar: boolean }

export interface GeneratedRequest {
  query: string
  variables: Record<string, unknown>
  operationName?: string
}

const customerArb: fc.Arbitrary<CustomerSpec> = fc.record({
  form: fc.constantFrom<CustomerForm>('literal', 'escaped', 'block', 'var', 'varDefault', 'varDefaultOverridden', 'varMissing'),
  id: fc.constantFrom(...customerPool),
  other: fc.constantFrom(...customerPool),
})
const aliasArb = fc.option(fc.constantFrom('a', 'e0', 'customerEntitlement', 'customerSubscriptions', 'x_1'), { nil: null })

const rootArb: fc.Arbitrary<RootSpec> = fc.letrec<{ root: RootSpec }>((tie) => ({
  root: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 6, arbitrary: fc.record({ kind: fc.constant('entitlement' as const), alias: aliasArb, customer: customerArb, feature: fc.constantFrom(...featurePool), withFeature: fc.boolean() }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('subscriptions' as const), alias: aliasArb, customer: customerArb }) },
    { weight: 1, arbitrary: fc.constant({ kind: 'typename' as const }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('introspection' as const), which: fc.constantFrom('__schema' as const, '__type' as const) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('unknown' as const), name: fc.constantFrom('customers', 'adminCustomers', 'deleteCustomer') }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('fragment' as const), inline: fc.boolean(), inner: fc.array(tie('root'), { minLength: 1, maxLength: 3 }) }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('reportUsage' as const), customer: customerArb, feature: fc.constantFrom(...featurePool), value: fc.constantFrom(...valuePool), viaInputVar: fc.boolean(), valueVar: fc.boolean() }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('provision' as const), customer: customerArb, viaInputVar: fc.boolean() }) },
  ),
})).root

const operationArb = fc.record({
  type: fc.constantFrom('query', 'query', 'mutation', 'subscription', 'anonymous'),
  name: fc.option(fc.constantFrom('Op', 'StiggEntitlements', 'Other'), { nil: null }),
  roots: fc.array(rootArb, { minLength: 1, maxLength: 4 }),
})

/** One or more operations rendered to text, with the variables they declare. */
export const documentArb: fc.Arbitrary<GeneratedRequest> = fc
  .record({
    operations: fc.array(operationArb, { minLength: 1, maxLength: 2 }),
    operationName: fc.option(fc.constantFrom('Op', 'StiggEntitlements', 'Other', 'Missing', ''), { nil: undefined }),
    extraVariables: fc.option(fc.dictionary(fc.constantFrom('customerId', 'c9', 'input'), fc.constantFrom<unknown>(...customerPool, null, 5)), { nil: null }),
  })
  .map(({ operations, operationName, extraVariables }) => {
    const variables: Record<string, unknown> = { ...(extraVariables ?? {}) }
    const fragments: string[] = []
    const counter = { n: 0 }
    const texts = operations.map((operation) => {
      const defs: string[] = []
      const body = operation.roots.map((root) => renderRoot(root, { defs, variables, fragments, counter })).join('\n  ')
      if (operation.type === 'anonymous') return `{\n  ${body}\n}`
      const header = [operation.type, operation.name, defs.length > 0 ? `(${defs.join(', ')})` : null].filter(Boolean).join(' ')
      return `${header} {\n  ${body}\n}`
    })
    const request: GeneratedRequest = { query: [...texts, ...fragments].join('\n'), variables }
    if (operationName !== undefined) request.operationName = operationName
    return request
  })

interface RenderContext {
  defs: string[]
  variables: Record<string, unknown>
  fragments: string[]
  counter: { n: number }
}

function renderCustomer(spec: CustomerSpec, ctx: RenderContext): string {
  // The client's own variable name first: that is the one a sloppy proxy might special-case.
  const name = ctx.defs.some((d) => d.startsWith('$customerId:')) ? `c${ctx.counter.n++}` : 'customerId'
  switch (spec.form) {
    case 'literal':
      return JSON.stringify(spec.id)
    case 'escaped':
      // GraphQL string escapes decode to the same id: pinning must compare the decoded value.
      return `"${[...spec.id].map((ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}"`
    case 'block':
      return `"""${spec.id.replace(/"""/g, '')}"""`
    case 'var':
      ctx.defs.push(`$${name}: String!`)
      ctx.variables[name] = spec.id
      return `$${name}`
    case 'varDefault':
      ctx.defs.push(`$${name}: String = ${JSON.stringify(spec.id)}`)
      return `$${name}`
    case 'varDefaultOverridden':
      ctx.defs.push(`$${name}: String = ${JSON.stringify(spec.other)}`)
      ctx.variables[name] = spec.id
      return `$${name}`
    case 'varMissing':
      ctx.defs.push(`$${name}: String!`)
      return `$${name}`
  }
}

function renderRoot(root: RootSpec, ctx: RenderContext): string {
  switch (root.kind) {
    case 'entitlement': {
      const alias = root.alias === null ? '' : `${root.alias}: `
      const selection = root.withFeature ? 'isGranted currentUsage feature { id displayName }' : 'isGranted usageLimit'
      return `${alias}customerEntitlement(customerId: ${renderCustomer(root.customer, ctx)}, featureId: ${JSON.stringify(root.feature)}) { ${selection} }`
    }
    case 'subscriptions': {
      const alias = root.alias === null ? '' : `${root.alias}: `
      return `${alias}customerSubscriptions(customerId: ${renderCustomer(root.customer, ctx)}) { id status plan { id name } }`
    }
    case 'typename':
      return '__typename'
    case 'introspection':
      return root.which === '__schema' ? '__schema { types { name fields { name } } }' : '__type(name: "Query") { name }'
    case 'unknown':
      return `${root.name} { id }`
    case 'fragment': {
      const inner = root.inner.map((r) => renderRoot(r, ctx)).join(' ')
      if (root.inline) return `... on Query { ${inner} }`
      const name = `F${ctx.counter.n++}`
      ctx.fragments.push(`fragment ${name} on Query { ${inner} }`)
      return `...${name}`
    }
    case 'reportUsage': {
      const customer = renderCustomer(root.customer, ctx)
      if (root.viaInputVar) {
        const name = `input${ctx.counter.n++}`
        ctx.defs.push(`$${name}: ReportUsageInput!`)
        const id = customer.startsWith('$') ? (ctx.variables[customer.slice(1)] ?? root.customer.id) : root.customer.id
        ctx.variables[name] = { customerId: id, featureId: root.feature, value: root.value }
        return `reportUsage(input: $${name}) { id currentUsage }`
      }
      let value = String(root.value)
      if (root.valueVar) {
        const name = `v${ctx.counter.n++}`
        ctx.defs.push(`$${name}: Float!`)
        ctx.variables[name] = root.value
        value = `$${name}`
      }
      return `reportUsage(input: { customerId: ${customer}, featureId: ${JSON.stringify(root.feature)}, value: ${value} }) { id }`
    }
    case 'provision': {
      const customer = renderCustomer(root.customer, ctx)
      if (root.viaInputVar) {
        const name = `p${ctx.counter.n++}`
        ctx.defs.push(`$${name}: ProvisionCustomerInput!`)
        ctx.variables[name] = { customerId: root.customer.id, name: 'Mallory' }
        return `provisionCustomer(input: $${name}) { customer { id } }`
      }
      return `provisionCustomer(input: { customerId: ${customer}, name: "Mallory" }) { customer { id } }`
    }
  }
}

/** Edits that turn a well-formed document into a near miss: swaps, insertions, cuts. */
const editArb = fc.oneof(
  fc.record({ op: fc.constant('truncate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ op: fc.constant('delete' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.integer({ min: 1, max: 12 }) }),
  fc.record({
    op: fc.constant('insert' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    text: fc.oneof(
      fc.constantFrom('{', '}', '(', ')', '$', '...', '"', '\\', 'customerId: "customer-free"', '@include(if: true)', '#', '\u0000', ' mutation ', '__schema', '\ufeff', 'query Q { __typename }'),
      fc.string({ maxLength: 6 }),
    ),
  }),
  fc.record({ op: fc.constant('swapTokens' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ op: fc.constant('replaceId' as const), id: fc.constantFrom(...customerPool) }),
)

export type Edit = typeof editArb extends fc.Arbitrary<infer E> ? E : never

export function applyEdit(text: string, edit: Edit): string {
  const index = (at: number) => Math.floor(at * text.length)
  switch (edit.op) {
    case 'truncate':
      return text.slice(0, index(edit.at))
    case 'delete':
      return text.slice(0, index(edit.at)) + text.slice(index(edit.at) + edit.length)
    case 'insert':
      return text.slice(0, index(edit.at)) + edit.text + text.slice(index(edit.at))
    case 'swapTokens': {
      const tokens = text.split(/(\s+)/)
      const a = edit.a % tokens.length
      const b = edit.b % tokens.length
      const swapped = [...tokens]
      swapped[a] = tokens[b] as string
      swapped[b] = tokens[a] as string
      return swapped.join('')
    }
    case 'replaceId':
      return text.replace(IDENTIFIED, edit.id)
  }
}

export const mutatedDocumentArb: fc.Arbitrary<GeneratedRequest> = fc
  .tuple(documentArb, fc.array(editArb, { minLength: 1, maxLength: 3 }))
  .map(([request, edits]) => ({ ...request, query: edits.reduce(applyEdit, request.query) }))

/** The documents the real client sends, with variables drawn from the pools. */
export const clientDocumentArb: fc.Arbitrary<GeneratedRequest> = fc.oneof(
  fc
    .tuple(fc.constantFrom(...customerPool), fc.array(fc.constantFrom(...featurePool), { minLength: 1, maxLength: 5 }))
    .map(([customerId, features]) => ({
      query: entitlementsDocument(features.length),
      variables: Object.fromEntries([['customerId', customerId], ...features.map((f, i) => [`f${i}`, f])]),
    })),
  fc.constantFrom(...customerPool).map((customerId) => ({ query: subscriptionsDocument, variables: { customerId } })),
  fc
    .record({ customerId: fc.constantFrom(...customerPool), featureId: fc.constantFrom(...featurePool), value: fc.constantFrom(...valuePool) })
    .map((input) => ({ query: reportUsageDocument, variables: { input } })),
)

/**
 * Cost-amplifying shapes (issue 19): aliased roots spreading a fragment of aliased objects that
 * spread another of aliased scalars, and chains of fragments spreading fragments; sizes from
 * harmless to a million fields, so both sides of the proxy's field limit are exercised.
 */
export const amplifiedDocumentArb: fc.Arbitrary<GeneratedRequest> = fc.oneof(
  fc
    .record({ roots: fc.integer({ min: 1, max: 100 }), middle: fc.integer({ min: 1, max: 100 }), leaves: fc.integer({ min: 1, max: 100 }), inline: fc.boolean() })
    .map(({ roots, middle, leaves, inline }) => {
      const root = (i: number) => `r${i}: customerEntitlement(customerId: "${IDENTIFIED}", featureId: "feature-sso") { ...F }`
      const rootsText = Array.from({ length: roots }, (_, i) => root(i)).join(' ')
      return {
        query:
          `{ ${inline ? `... on Query { ${rootsText} }` : rootsText} }` +
          ` fragment F on Entitlement { ${Array.from({ length: middle }, (_, i) => `m${i}: feature { ...G }`).join(' ')} }` +
          ` fragment G on Feature { ${Array.from({ length: leaves }, (_, i) => `l${i}: id`).join(' ')} }`,
        variables: {},
      }
    }),
  fc.integer({ min: 1, max: 14 }).map((depth) => ({
    query:
      `{ customerEntitlement(customerId: "${IDENTIFIED}", featureId: "feature-sso") { ...A0 } }` +
      Array.from({ length: depth }, (_, i) => (i === depth - 1 ? ` fragment A${i} on Entitlement { isGranted }` : ` fragment A${i} on Entitlement { a${i}: isGranted b${i}: isGranted ...A${i + 1} }`)).join(''),
    variables: {},
  })),
)

/** A body as the proxy receives it: mostly JSON text, sometimes not JSON at all. */
export const bodyArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(null).chain(() => clientDocumentArb).map((r) => JSON.stringify(r)) },
  { weight: 4, arbitrary: fc.constant(null).chain(() => allowedDocumentArb).map((r) => JSON.stringify(r)) },
  { weight: 2, arbitrary: fc.constant(null).chain(() => allowedMutationArb).map((r) => JSON.stringify(r)) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constant(null).chain(() => allowedDocumentArb), editArb)
      .map(([r, edit]) => JSON.stringify({ ...r, query: applyEdit(r.query, edit) })),
  },
  { weight: 5, arbitrary: documentArb.map((r) => JSON.stringify(r)) },
  { weight: 2, arbitrary: amplifiedDocumentArb.map((r) => JSON.stringify(r)) },
  { weight: 4, arbitrary: mutatedDocumentArb.map((r) => JSON.stringify(r)) },
  {
    weight: 2,
    arbitrary: fc
      .record({
        query: fc.oneof(documentArb.map((r) => r.query), fc.jsonValue(), fc.string()),
        variables: fc.oneof(fc.jsonValue(), fc.constant(null), fc.array(fc.constantFrom(...customerPool))),
        operationName: fc.oneof(fc.string({ maxLength: 8 }), fc.constant(null), fc.integer(), fc.constant(['Op'])),
        extensions: fc.jsonValue(),
      }, { requiredKeys: [] })
      .map((r) => JSON.stringify(r)),
  },
  { weight: 1, arbitrary: fc.jsonValue().map((v) => JSON.stringify(v)) },
  { weight: 1, arbitrary: fc.array(documentArb, { minLength: 1, maxLength: 3 }).map((rs) => JSON.stringify(rs)) },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: documentArb.map((r) => JSON.stringify(r).slice(0, -3)) },
)

export interface FuzzCase {
  body: string
  identified: boolean
  method: string
  contentType: string
  /** Which proxy configuration (index into the harness's list) answers this case. */
  config: number
  browserKey: boolean
}

export const caseArb: fc.Arbitrary<FuzzCase> = fc.record({
  body: bodyArb,
  identified: fc.oneof({ weight: 19, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
  method: fc.oneof({ weight: 30, arbitrary: fc.constant('POST') }, { weight: 1, arbitrary: fc.constantFrom('GET', 'PUT', 'DELETE', 'OPTIONS') }),
  contentType: fc.oneof(
    { weight: 30, arbitrary: fc.constant('application/json') },
    { weight: 1, arbitrary: fc.constantFrom('application/json; charset=utf-8', 'text/plain', 'application/graphql', 'multipart/form-data; boundary=x', '') },
  ),
  config: fc.nat({ max: 1 }),
  browserKey: fc.boolean(),
})

/** Only allowed forms, all for the identified customer: the proxy must forward every one. */
export const allowedDocumentArb: fc.Arbitrary<GeneratedRequest> = fc
  .record({
    roots: fc.array(
      fc.record({
        kind: fc.constantFrom('entitlement', 'subscriptions', 'typename'),
        form: fc.constantFrom<CustomerForm>('literal', 'escaped', 'block', 'var', 'varDefault', 'varDefaultOverridden'),
        feature: fc.constantFrom(...featurePool),
        wrap: fc.constantFrom('none', 'inline', 'named', 'nested'),
      }),
      { minLength: 1, maxLength: 6 },
    ),
    named: fc.boolean(),
  })
  .map(({ roots, named }) => {
    const ctx: RenderContext = { defs: [], variables: {}, fragments: [], counter: { n: 0 } }
    const fields = roots.map((root, i) => {
      const customer: CustomerSpec = { form: root.form, id: IDENTIFIED, other: 'customer-free' }
      const field =
        root.kind === 'typename'
          ? '__typename'
          : root.kind === 'entitlement'
            ? `a${i}: customerEntitlement(customerId: ${renderCustomer(customer, ctx)}, featureId: ${JSON.stringify(root.feature)}) { isGranted currentUsage }`
            : `a${i}: customerSubscriptions(customerId: ${renderCustomer(customer, ctx)}) { id status }`
      switch (root.wrap) {
        case 'none':
          return field
        case 'inline':
          return `... on Query { ${field} }`
        case 'named':
          ctx.fragments.push(`fragment G${i} on Query { ${field} }`)
          return `...G${i}`
        case 'nested':
          ctx.fragments.push(`fragment G${i} on Query { ... on Query { ${field} } }`)
          return `... on Query { ...G${i} }`
      }
      return field
    })
    const defs = ctx.defs.length > 0 ? `(${ctx.defs.join(', ')})` : ''
    const header = named || defs !== '' ? `query Allowed${defs} ` : ''
    return { query: [`${header}{ ${fields.join(' ')} }`, ...ctx.fragments].join('\n'), variables: ctx.variables }
  })

/** One `reportUsage` for the identified customer, in the literal, variable and input-variable forms. */
export const allowedMutationArb: fc.Arbitrary<GeneratedRequest> = fc
  .record({
    form: fc.constantFrom('literal', 'valueVar', 'inputVar'),
    value: fc.oneof(fc.integer({ min: 1, max: 1000 }), fc.double({ min: 0.001, max: 1000, noNaN: true })),
    feature: fc.constantFrom(...featurePool),
    idempotencyKey: fc.option(fc.string({ minLength: 1, maxLength: 12 }), { nil: undefined }),
  })
  .map(({ form, value, feature, idempotencyKey }) => {
    const input = { customerId: IDENTIFIED, featureId: feature, value, ...(idempotencyKey === undefined ? {} : { idempotencyKey }) }
    if (form === 'inputVar') {
      return { query: 'mutation R($input: ReportUsageInput!) { reportUsage(input: $input) { id currentUsage } }', variables: { input } }
    }
    const key = idempotencyKey === undefined ? '' : `, idempotencyKey: ${JSON.stringify(idempotencyKey)}`
    const valueText = form === 'valueVar' ? '$v' : String(value)
    const header = form === 'valueVar' ? 'mutation R($v: Float!)' : 'mutation'
    return {
      query: `${header} { reportUsage(input: { customerId: "${IDENTIFIED}", featureId: ${JSON.stringify(feature)}, value: ${valueText}${key} }) { id } }`,
      variables: form === 'valueVar' ? { v: value } : {},
    }
  })
