import { entitlementsDocument, reportUsageDocument, subscriptionsDocument } from '../../src/core/documents'

/**
 * The attack catalog: one row per hostile request a browser can send to the proxy. The same
 * data drives test/reliability/attacks.test.ts and the table in SECURITY.md (a test asserts that
 * SECURITY.md lists every row, so the two cannot drift).
 */

/** The signed-in customer in every attack; the victim is another seeded customer. */
export const ME = 'customer-pro'
export const VICTIM = 'customer-free'

export interface AttackRequest {
  /** @default 'POST' */
  method?: string
  /** Replaces the default headers (JSON content type + the signed-in session cookie). */
  headers?: Record<string, string>
  /** Added to the default headers. */
  extraHeaders?: Record<string, string>
  body?: string | Buffer
  /** Sent as separate chunks with `Transfer-Encoding: chunked` (no Content-Length). */
  chunks?: Buffer[]
  /** A Content-Length header that does not match the body. */
  contentLength?: number
  /** `http`: raw bytes to a node:http server via toNodeHandler; `fetch`: a Request handed to the handler in-process. */
  transport?: 'http' | 'fetch'
  /** `open` is a proxy with provisionCustomer and introspection enabled. */
  proxy?: 'default' | 'open'
  /** Path and query string. @default '/graphql' */
  path?: string
}

export interface Attack {
  id: string
  category: string
  threat: string
  /** What is sent, in a few words (the SECURITY.md column). */
  request: string
  expect: { status: number; code: string }
  /** The attack is served (with the key swapped in) instead of refused; see the test for what it asserts. */
  reachesUpstream?: boolean
  build: () => AttackRequest
}

const gql = (query: string, variables?: unknown, operationName?: unknown): string =>
  JSON.stringify({ query, ...(variables === undefined ? {} : { variables }), ...(operationName === undefined ? {} : { operationName }) })

const entitlement = (customer: string, feature = 'feature-sso') =>
  `customerEntitlement(customerId: ${JSON.stringify(customer)}, featureId: ${JSON.stringify(feature)}) { isGranted currentUsage }`

const forbidden = { status: 403, code: 'FORBIDDEN' }
const invalid = { status: 400, code: 'GRAPHQL_VALIDATION_FAILED' }
const badRequest = { status: 400, code: 'BAD_REQUEST' }
const tooComplex = { status: 400, code: 'QUERY_TOO_COMPLEX' }
const badInput = { status: 400, code: 'BAD_USER_INPUT' }
const unsupported = { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' }
const tooLarge = { status: 413, code: 'PAYLOAD_TOO_LARGE' }
const ok = { status: 200, code: '—' }

/**
 * Aliases × fragments (issue 19): `roots` aliased entitlement reads, each spreading F with `middle`
 * aliased `feature { ...G }`, G with `leaves` aliased scalars. 100 × 100 × 100 is a 10 KB request
 * of depth 3 asking for a million fields.
 */
export const amplified = (roots = 100, middle = 100, leaves = 100): string =>
  `{ ${Array.from({ length: roots }, (_, i) => `r${i}: customerEntitlement(customerId: "${ME}", featureId: "feature-sso") { ...F }`).join(' ')} }` +
  ` fragment F on Entitlement { ${Array.from({ length: middle }, (_, i) => `m${i}: feature { ...G }`).join(' ')} }` +
  ` fragment G on Feature { ${Array.from({ length: leaves }, (_, i) => `l${i}: id`).join(' ')} }`

/** Fragments spreading fragments `depth` deep, each spreading the next twice (2^depth fields at the bottom). */
export const spreadChain = (depth: number): string =>
  `{ customerEntitlement(customerId: "${ME}", featureId: "feature-sso") { ...A0 } }` +
  Array.from({ length: depth }, (_, i) => (i === depth - 1 ? ` fragment A${i} on Entitlement { isGranted }` : ` fragment A${i} on Entitlement { isGranted ...A${i + 1} }`)).join('')

/** A valid query for ME padded with a comment to more than 64 KB. */
const oversized = () => gql(`# ${'x'.repeat(70 * 1024)}\n{ ${entitlement(ME)} }`)

export const attacks: Attack[] = [
  // --- cross-customer: every way a customerId can hide in an operation
  { id: 'X01', category: 'cross-customer', threat: "Read another customer's entitlement through a variable", request: "client's entitlement document, `variables.customerId` = victim", expect: forbidden,
    build: () => ({ body: gql(entitlementsDocument(1), { customerId: VICTIM, f0: 'feature-sso' }) }) },
  { id: 'X02', category: 'cross-customer', threat: 'Victim id as a string literal', request: '`customerEntitlement(customerId: "customer-free", …)`', expect: forbidden,
    build: () => ({ body: gql(`{ ${entitlement(VICTIM)} }`) }) },
  { id: 'X03', category: 'cross-customer', threat: 'Victim id as a variable default, variable omitted', request: '`query($c: String = "customer-free")`, no variables', expect: forbidden,
    build: () => ({ body: gql(`query Q($c: String = "${VICTIM}") { customerEntitlement(customerId: $c, featureId: "feature-sso") { isGranted } }`) }) },
  { id: 'X04', category: 'cross-customer', threat: 'Own id as the default, victim id as the provided value', request: '`$c: String = "customer-pro"`, `variables.c` = victim', expect: forbidden,
    build: () => ({ body: gql(`query Q($c: String = "${ME}") { customerEntitlement(customerId: $c, featureId: "feature-sso") { isGranted } }`, { c: VICTIM }) }) },
  { id: 'X05', category: 'cross-customer', threat: 'Victim id inside a mutation input-object literal', request: '`reportUsage(input: { customerId: "customer-free", … })`', expect: forbidden,
    build: () => ({ body: gql(`mutation { reportUsage(input: { customerId: "${VICTIM}", featureId: "feature-api-calls", value: 1 }) { id } }`) }) },
  { id: 'X06', category: 'cross-customer', threat: 'Victim id inside an input-object variable', request: "client's reportUsage document, `variables.input.customerId` = victim", expect: forbidden,
    build: () => ({ body: gql(reportUsageDocument, { input: { customerId: VICTIM, featureId: 'feature-api-calls', value: 1 } }) }) },
  { id: 'X07', category: 'cross-customer', threat: 'Victim id as a variable inside an input-object literal', request: '`reportUsage(input: { customerId: $c, … })`, `$c` = victim', expect: forbidden,
    build: () => ({ body: gql(`mutation M($c: String!) { reportUsage(input: { customerId: $c, featureId: "feature-api-calls", value: 1 }) { id } }`, { c: VICTIM }) }) },
  { id: 'X08', category: 'cross-customer', threat: 'Provision (take over) another customer id', request: '`provisionCustomer(input: { customerId: "customer-free", email: … })` with provisioning enabled', expect: forbidden,
    build: () => ({ proxy: 'open', body: gql(`mutation { provisionCustomer(input: { customerId: "${VICTIM}", email: "mallory@example.com" }) { customer { id } } }`) }) },
  { id: 'X09', category: 'cross-customer', threat: 'Victim id inside a named fragment', request: '`{ ...F } fragment F on Query { customerEntitlement(customerId: victim) }`', expect: forbidden,
    build: () => ({ body: gql(`{ ...F } fragment F on Query { ${entitlement(VICTIM)} }`) }) },
  { id: 'X10', category: 'cross-customer', threat: 'Victim id inside an inline fragment', request: '`{ ... on Query { customerEntitlement(customerId: victim) } }`', expect: forbidden,
    build: () => ({ body: gql(`{ ... on Query { ${entitlement(VICTIM)} } }`) }) },
  { id: 'X11', category: 'cross-customer', threat: 'Victim id three fragments deep (named → inline → named)', request: '`...A` → `... on Query { ...B }` → victim literal', expect: forbidden,
    build: () => ({ body: gql(`query { mine: ${entitlement(ME)} ...A } fragment A on Query { ... on Query { ...B } } fragment B on Query { theirs: ${entitlement(VICTIM)} }`) }) },
  { id: 'X12', category: 'cross-customer', threat: "Victim field hidden behind an alias next to the customer's own", request: '`mine: customerEntitlement(me) theirs: customerEntitlement(victim)`', expect: forbidden,
    build: () => ({ body: gql(`{ mine: ${entitlement(ME)} theirs: ${entitlement(VICTIM)} }`) }) },
  { id: 'X13', category: 'cross-customer', threat: 'Alias named like an allowed field disguising a victim read', request: '`customerEntitlement: customerSubscriptions(customerId: victim)`', expect: forbidden,
    build: () => ({ body: gql(`{ customerEntitlement: customerSubscriptions(customerId: "${VICTIM}") { id } }`) }) },
  { id: 'X14', category: 'cross-customer', threat: 'One victim field at the end of a 100-alias batch', request: '99 aliases for me, alias 100 for the victim', expect: forbidden,
    build: () => ({ body: gql(`{ ${Array.from({ length: 99 }, (_, i) => `a${i}: ${entitlement(ME)}`).join(' ')} z: ${entitlement(VICTIM)} }`) }) },
  { id: 'X15', category: 'cross-customer', threat: "Victim's subscriptions through the client's own document", request: "client's subscriptions document, `variables.customerId` = victim", expect: forbidden,
    build: () => ({ body: gql(subscriptionsDocument, { customerId: VICTIM }) }) },
  { id: 'X16', category: 'cross-customer', threat: 'Look-alike id (case and trailing space)', request: '`customerId: "CUSTOMER-PRO"` and `"customer-pro "`', expect: forbidden,
    build: () => ({ body: gql(`{ a: ${entitlement('CUSTOMER-PRO')} b: ${entitlement(`${ME} `)} }`) }) },
  { id: 'X17', category: 'cross-customer', threat: 'Own id with a NUL suffix (C-string truncation upstream)', request: '`variables.customerId` = `"customer-pro\\u0000"`', expect: forbidden,
    build: () => ({ body: gql(entitlementsDocument(1), { customerId: `${ME}\u0000`, f0: 'feature-sso' }) }) },

  // --- cross-resource: a resourceId is pinned like the customer (identify() returns { customerId, resourceId })
  { id: 'X18', category: 'cross-resource', threat: 'Scope a read to a resource when identify() returned none', request: "client's scoped entitlement document, `variables.resourceId` = another workspace", expect: forbidden,
    build: () => ({ body: gql(entitlementsDocument(1, true), { customerId: ME, resourceId: 'ws-victim', f0: 'feature-api-calls' }) }) },
  { id: 'X19', category: 'cross-resource', threat: 'Read another resource than the identified one', request: "session in `ws-mine`, client's scoped document with `variables.resourceId` = `ws-victim`", expect: forbidden,
    build: () => ({ extraHeaders: { cookie: `session=${ME}; workspace=ws-mine` }, body: gql(entitlementsDocument(1, true), { customerId: ME, resourceId: 'ws-victim', f0: 'feature-api-calls' }) }) },
  { id: 'X20', category: 'cross-resource', threat: "Count usage on another resource's meter", request: 'session in `ws-mine`, `reportUsage(input: { …, resourceId: "ws-victim" })`', expect: forbidden,
    build: () => ({
      extraHeaders: { cookie: `session=${ME}; workspace=ws-mine` },
      body: gql(`mutation { reportUsage(input: { customerId: "${ME}", featureId: "feature-api-calls", value: 1, resourceId: "ws-victim" }) { currentUsage } }`),
    }) },

  // --- encodings: decoding must happen before pinning, exactly once
  { id: 'E01', category: 'encoding', threat: 'JSON unicode escape in the variable name (`\\u0063ustomerId` decodes to customerId)', request: '`{"variables":{"\\u0063ustomerId":"customer-free"}}` as raw JSON text', expect: forbidden,
    build: () => ({ body: `{"query":${JSON.stringify(entitlementsDocument(1))},"variables":{"\\u0063ustomerId":"${VICTIM}","f0":"feature-sso"}}` }) },
  { id: 'E02', category: 'encoding', threat: 'JSON unicode escapes in the victim id value', request: '`"customerId":"\\u0063ustomer-free"` as raw JSON text', expect: forbidden,
    build: () => ({ body: `{"query":${JSON.stringify(entitlementsDocument(1))},"variables":{"customerId":"\\u0063ustomer-\\u0066ree","f0":"feature-sso"}}` }) },
  { id: 'E03', category: 'encoding', threat: 'GraphQL string escape in a literal', request: '`customerId: "\\u0063ustomer-free"` in the document', expect: forbidden,
    build: () => ({ body: gql(`{ customerEntitlement(customerId: "\\u0063ustomer-free", featureId: "feature-sso") { isGranted } }`) }) },
  { id: 'E04', category: 'encoding', threat: 'GraphQL block string literal', request: '`customerId: """customer-free"""`', expect: forbidden,
    build: () => ({ body: gql(`{ customerEntitlement(customerId: """${VICTIM}""", featureId: "feature-sso") { isGranted } }`) }) },
  { id: 'E05', category: 'encoding', threat: 'Duplicated JSON keys: own id first, victim id last (JSON.parse keeps the last)', request: '`"variables":{"customerId":"customer-pro","customerId":"customer-free"}`', expect: forbidden,
    build: () => ({ body: `{"query":${JSON.stringify(entitlementsDocument(1))},"variables":{"customerId":"${ME}","f0":"feature-sso","customerId":"${VICTIM}"}}` }) },
  { id: 'E06', category: 'encoding', threat: 'Duplicated `query` keys: harmless first, victim read last', request: '`{"query":"{ __typename }","query":"{ …victim… }"}`', expect: forbidden,
    build: () => ({ body: `{"query":"{ __typename }","query":${JSON.stringify(`{ ${entitlement(VICTIM)} }`)}}` }) },
  { id: 'E07', category: 'encoding', threat: 'UTF-8 byte-order mark before a victim read', request: 'EF BB BF + JSON body reading the victim', expect: forbidden,
    build: () => ({ body: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(gql(`{ ${entitlement(VICTIM)} }`))]) }) },
  { id: 'E08', category: 'encoding', threat: 'UTF-16LE body that a lenient decoder might accept', request: 'UTF-16LE JSON, `content-type: application/json; charset=utf-16le`', expect: unsupported,
    build: () => ({ headers: { 'content-type': 'application/json; charset=utf-16le', cookie: `session=${ME}` }, body: Buffer.from(`\ufeff${gql(`{ ${entitlement(VICTIM)} }`)}`, 'utf16le') }) },
  { id: 'E09', category: 'encoding', threat: 'Declared latin1 charset', request: '`content-type: application/json; charset=latin1`', expect: unsupported,
    build: () => ({ headers: { 'content-type': 'application/json; charset=latin1', cookie: `session=${ME}` }, body: Buffer.from(gql(`{ ${entitlement(ME)} }`), 'latin1') }) },
  { id: 'E10', category: 'encoding', threat: 'Invalid UTF-8 inside the customer id (bytes FF FE)', request: '`"customerId":"customer-pro<FF FE>"` as raw bytes', expect: badRequest,
    build: () => ({ body: Buffer.concat([Buffer.from(`{"query":${JSON.stringify(entitlementsDocument(1))},"variables":{"f0":"feature-sso","customerId":"${ME}`), Buffer.from([0xff, 0xfe]), Buffer.from('"}}')]) }) },
  { id: 'E11', category: 'encoding', threat: "Overlong UTF-8 encoding of 'c' (C1 A3) in the victim id", request: '`"customerId":"<C1 A3>ustomer-free"` as raw bytes', expect: badRequest,
    build: () => ({ body: Buffer.concat([Buffer.from(`{"query":${JSON.stringify(entitlementsDocument(1))},"variables":{"f0":"feature-sso","customerId":"`), Buffer.from([0xc1, 0xa3]), Buffer.from('ustomer-free"}}')]) }) },

  // --- introspection
  { id: 'I01', category: 'introspection', threat: 'Dump the upstream schema', request: '`{ __schema { types { name } } }`', expect: forbidden,
    build: () => ({ body: gql('{ __schema { types { name } } }') }) },
  { id: 'I02', category: 'introspection', threat: 'Enumerate mutations by type', request: '`{ __type(name: "Mutation") { fields { name } } }`', expect: forbidden,
    build: () => ({ body: gql('{ __type(name: "Mutation") { fields { name } } }') }) },
  { id: 'I03', category: 'introspection', threat: 'Introspection hidden in a named fragment', request: '`{ ...I } fragment I on Query { __schema { queryType { name } } }`', expect: forbidden,
    build: () => ({ body: gql('{ ...I } fragment I on Query { __schema { queryType { name } } }') }) },
  { id: 'I04', category: 'introspection', threat: 'Introspection aliased inside an inline fragment next to a valid read', request: '`{ mine: customerEntitlement(me) ... on Query { t: __type(name: "Query") { name } } }`', expect: forbidden,
    build: () => ({ body: gql(`{ mine: ${entitlement(ME)} ... on Query { t: __type(name: "Query") { name } } }`) }) },

  // --- operations the browser may not run
  { id: 'O01', category: 'operation', threat: 'Mutation that is not enabled (provisioning off)', request: '`provisionCustomer(input: { customerId: me })` with provisioning disabled', expect: forbidden,
    build: () => ({ body: gql(`mutation { provisionCustomer(input: { customerId: "${ME}" }) { customer { id } } }`) }) },
  { id: 'O02', category: 'operation', threat: 'Subscription operation (long-lived upstream stream)', request: '`subscription { __typename }`', expect: forbidden,
    build: () => ({ body: gql('subscription S { __typename }') }) },
  { id: 'O03', category: 'operation', threat: 'Root field outside the schema', request: '`{ customers { id } }`', expect: forbidden,
    build: () => ({ body: gql('{ customers { id } }') }) },
  { id: 'O04', category: 'operation', threat: 'Zero usage (probe without cost)', request: '`reportUsage` value 0', expect: forbidden,
    build: () => ({ body: gql(reportUsageDocument, { input: { customerId: ME, featureId: 'feature-api-calls', value: 0 } }) }) },
  { id: 'O05', category: 'operation', threat: 'Negative usage (refund yourself)', request: '`reportUsage` value -500 as a literal', expect: forbidden,
    build: () => ({ body: gql(`mutation { reportUsage(input: { customerId: "${ME}", featureId: "feature-api-calls", value: -500 }) { id } }`) }) },
  { id: 'O06', category: 'operation', threat: 'Usage above the per-call cap', request: '`reportUsage` value 1001 (cap 1000)', expect: forbidden,
    build: () => ({ body: gql(reportUsageDocument, { input: { customerId: ME, featureId: 'feature-api-calls', value: 1001 } }) }) },
  { id: 'O07', category: 'operation', threat: 'Infinite usage through a JSON number overflow', request: '`"value":1e999` in raw JSON variables', expect: badInput,
    build: () => ({ body: `{"query":${JSON.stringify(reportUsageDocument)},"variables":{"input":{"customerId":"${ME}","featureId":"feature-api-calls","value":1e999}}}` }) },
  { id: 'O08', category: 'operation', threat: 'Two reports in one mutation to double-count', request: '`mutation { a: reportUsage(…) b: reportUsage(…) }`', expect: forbidden,
    build: () => ({ body: gql(`mutation { a: reportUsage(input: { customerId: "${ME}", featureId: "feature-api-calls", value: 1 }) { id } b: reportUsage(input: { customerId: "${ME}", featureId: "feature-api-calls", value: 1 }) { id } }`) }) },

  // --- one operation per request
  { id: 'B01', category: 'batching', threat: 'Batched array body (one request, many operations)', request: '`[{query: me}, {query: victim}]`', expect: badRequest,
    build: () => ({ body: JSON.stringify([{ query: `{ ${entitlement(ME)} }` }, { query: `{ ${entitlement(VICTIM)} }` }]) }) },
  { id: 'B02', category: 'batching', threat: 'Several operations and no operationName', request: '`query A { me } query B { victim }`', expect: badRequest,
    build: () => ({ body: gql(`query A { ${entitlement(ME)} } query B { ${entitlement(VICTIM)} }`) }) },
  { id: 'B03', category: 'batching', threat: 'operationName selects the hostile one of two operations', request: '`query A { me } query B { victim }`, `operationName: "B"`', expect: forbidden,
    build: () => ({ body: gql(`query A { ${entitlement(ME)} } query B { ${entitlement(VICTIM)} }`, undefined, 'B') }) },
  { id: 'B04', category: 'batching', threat: 'operationName naming no operation', request: '`operationName: "Missing"`', expect: badRequest,
    build: () => ({ body: gql(`query A { ${entitlement(ME)} }`, undefined, 'Missing') }) },
  { id: 'B05', category: 'batching', threat: 'operationName that is not a string', request: '`operationName: ["A", "B"]`', expect: badRequest,
    build: () => ({ body: gql(`query A { ${entitlement(ME)} } query B { ${entitlement(VICTIM)} }`, undefined, ['A', 'B']) }) },

  // --- malformed bodies
  { id: 'M01', category: 'body', threat: '`variables` as an array', request: '`"variables": ["customer-free"]`', expect: badRequest,
    build: () => ({ body: gql(entitlementsDocument(1), [VICTIM, 'feature-sso']) }) },
  { id: 'M02', category: 'body', threat: '`variables` as a number', request: '`"variables": 42`', expect: badRequest,
    build: () => ({ body: gql(entitlementsDocument(1), 42) }) },
  { id: 'M03', category: 'body', threat: '`variables` as a JSON string some servers parse a second time', request: '`"variables": "{\\"customerId\\":\\"customer-free\\"}"`', expect: badRequest,
    build: () => ({ body: gql(entitlementsDocument(1), JSON.stringify({ customerId: VICTIM, f0: 'feature-sso' })) }) },
  { id: 'M04', category: 'body', threat: '`query` that is not a string', request: '`"query": {"kind": "Document"}` (a pre-parsed AST)', expect: badRequest,
    build: () => ({ body: JSON.stringify({ query: { kind: 'Document', definitions: [] } }) }) },
  { id: 'M05', category: 'body', threat: 'Persisted-query hash without a query', request: '`{"extensions":{"persistedQuery":{…}}}` only', expect: badRequest,
    build: () => ({ body: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: 'ab'.repeat(32) } } }) }) },
  { id: 'M06', category: 'body', threat: 'Body that is not JSON', request: '`query { … }` as the raw body', expect: badRequest,
    build: () => ({ body: `{ ${entitlement(ME)} }`.replace(/^\{/, 'query {') }) },

  // --- size and cost
  { id: 'S01', category: 'size', threat: 'Body over 64 KB with an honest Content-Length', request: '70 KB JSON, `Content-Length: 71…`', expect: tooLarge,
    build: () => ({ body: oversized() }) },
  { id: 'S02', category: 'size', threat: 'Body over 64 KB in chunks, no Content-Length', request: '70 KB as 35 chunks of 2 KB, `Transfer-Encoding: chunked`', expect: tooLarge,
    build: () => {
      const body = Buffer.from(oversized())
      return { chunks: Array.from({ length: Math.ceil(body.length / 2048) }, (_, i) => body.subarray(i * 2048, (i + 1) * 2048)) }
    } },
  { id: 'S03', category: 'size', threat: 'Content-Length claiming 1 GB (memory reservation)', request: '`Content-Length: 1073741824`, 70 KB actually sent', expect: tooLarge,
    build: () => ({ body: oversized(), contentLength: 1024 ** 3 }) },
  { id: 'S04', category: 'size', threat: 'Content-Length understating a 70 KB body', request: '`Content-Length: 100` on a 70 KB Request (in-process)', expect: tooLarge,
    build: () => ({ transport: 'fetch', body: oversized(), contentLength: 100 }) },
  { id: 'S05', category: 'size', threat: 'Deep document (depth 9) under an allowed root field', request: '`customerEntitlement(me) { feature { a { b { c { d { e { f { g } } } } } } } }`', expect: tooComplex,
    build: () => ({ body: gql(`{ customerEntitlement(customerId: "${ME}", featureId: "feature-sso") { feature { a { b { c { d { e { f { g } } } } } } } } }`) }) },
  { id: 'S12', category: 'size', threat: 'Deep introspection (depth 16) when introspection is enabled', request: '`__schema { types { fields { type { ofType … } } } }` 16 levels', expect: tooComplex,
    build: () => ({ proxy: 'open', body: gql(`{ __schema { types { fields { type { ${'ofType { '.repeat(11)}name${' }'.repeat(11)} } } } } }`) }) },
  { id: 'S06', category: 'size', threat: '101 aliased root fields', request: '`a0: customerEntitlement(me)` … `a100`', expect: tooComplex,
    build: () => ({ body: gql(`{ ${Array.from({ length: 101 }, (_, i) => `a${i}: ${entitlement(ME)}`).join(' ')} }`) }) },
  { id: 'S07', category: 'size', threat: '200 root fields by spreading one 100-alias fragment twice', request: '`{ ...F ... on Query { ...F } }`, F has 100 aliases', expect: tooComplex,
    build: () => ({ body: gql(`{ ...F ... on Query { ...F } } fragment F on Query { ${Array.from({ length: 100 }, (_, i) => `a${i}: ${entitlement(ME)}`).join(' ')} }`) }) },
  { id: 'S08', category: 'size', threat: 'Token bomb under 64 KB (parser CPU)', request: '`{ a a a … }`: 25,000 tokens in 50 KB', expect: { status: 400, code: 'GRAPHQL_PARSE_FAILED' },
    build: () => ({ body: gql(`{ ${'a '.repeat(25_000)}}`) }) },
  { id: 'S09', category: 'size', threat: 'Nesting bomb (parser recursion)', request: '`{ a { a { a …` 10,000 levels deep', expect: { status: 400, code: 'GRAPHQL_PARSE_FAILED' },
    build: () => ({ body: gql(`${'{ a '.repeat(10_000)}${'} '.repeat(10_000)}`) }) },
  { id: 'S10', category: 'size', threat: 'Fragment cycle (infinite expansion)', request: '`fragment A on Query { ...B } fragment B on Query { ...A }`', expect: invalid,
    build: () => ({ body: gql('{ ...A } fragment A on Query { __typename ...B } fragment B on Query { __typename ...A }') }) },
  { id: 'S11', category: 'size', threat: 'Directive flood', request: '`__typename @skip(if: false)` × 300 on one field', expect: invalid,
    build: () => ({ body: gql(`{ __typename ${'@skip(if: false) '.repeat(300)}}`) }) },

  // --- transport
  { id: 'S13', category: 'cost', threat: 'Aliases × fragments amplification (issue 19): a 10 KB, depth-3 request asking for a million fields', request: '100 root aliases `{ ...F }`, F = 100 × `feature { ...G }`, G = 100 aliased scalars', expect: tooComplex,
    build: () => ({ body: gql(amplified()) }) },
  { id: 'S14', category: 'cost', threat: 'Amplification at the token limit (12.9 M fields from one 19 KB request)', request: '`amplified(100, 230, 560)` under 5,000 tokens', expect: tooComplex,
    build: () => ({ body: gql(amplified(100, 230, 560)) }) },
  { id: 'S15', category: 'cost', threat: 'Fragment spreads nested 12 deep', request: '`...A0` → `...A1` → … `...A11`', expect: tooComplex,
    build: () => ({ body: gql(spreadChain(12)) }) },
  { id: 'O09', category: 'operation', threat: 'Dust usage below the minimum (5e-324 passes a "> 0" check)', request: '`reportUsage` value `5e-324`', expect: forbidden,
    build: () => ({ body: gql(reportUsageDocument, { input: { customerId: ME, featureId: 'feature-api-calls', value: 5e-324 } }) }) },
  { id: 'O10', category: 'operation', threat: 'Self sign-up starting a plan the server does not offer', request: '`provisionCustomer(subscriptionParams: { planId: "plan-enterprise" })`, allowed plans: plan-free', expect: forbidden,
    build: () => ({ proxy: 'open', body: gql(`mutation { provisionCustomer(input: { customerId: "${ME}", subscriptionParams: { planId: "plan-enterprise" } }) { customer { id } } }`) }) },
  { id: 'O11', category: 'operation', threat: 'Self sign-up starting an allowed plan as a trial when trials are off', request: '`subscriptionParams: { planId: "plan-free", status: TRIAL }`, `trial` not allowed', expect: forbidden,
    build: () => ({ proxy: 'open', body: gql(`mutation { provisionCustomer(input: { customerId: "${ME}", subscriptionParams: { planId: "plan-free", status: TRIAL } }) { customer { id } } }`) }) },
  { id: 'O12', category: 'operation', threat: 'Self sign-up choosing its own subscription end date', request: '`subscriptionParams: { planId: "plan-free", endDate: "2099-01-01" }`', expect: forbidden,
    build: () => ({ proxy: 'open', body: gql(`mutation { provisionCustomer(input: { customerId: "${ME}", subscriptionParams: { planId: "plan-free", endDate: "2099-01-01T00:00:00Z" } }) { customer { id } } }`) }) },
  { id: 'T01', category: 'transport', threat: 'No signed-in customer', request: 'valid read, no session cookie', expect: { status: 401, code: 'UNAUTHENTICATED' },
    build: () => ({ headers: { 'content-type': 'application/json' }, body: gql(`{ ${entitlement(ME)} }`) }) },
  { id: 'T02', category: 'transport', threat: 'GET with the query in the URL (CSRF via <img>, cache poisoning)', request: '`GET /graphql?query={…}`', expect: { status: 405, code: 'METHOD_NOT_ALLOWED' },
    build: () => ({ method: 'GET', path: `/graphql?query=${encodeURIComponent(`{ ${entitlement(ME)} }`)}` }) },
  { id: 'T03', category: 'transport', threat: 'PUT instead of POST', request: '`PUT` with a valid body', expect: { status: 405, code: 'METHOD_NOT_ALLOWED' },
    build: () => ({ method: 'PUT', body: gql(`{ ${entitlement(ME)} }`) }) },
  { id: 'T04', category: 'transport', threat: 'text/plain body (a CORS "simple request" a hostile page can send cross-site)', request: '`content-type: text/plain`', expect: unsupported,
    build: () => ({ headers: { 'content-type': 'text/plain', cookie: `session=${ME}` }, body: gql(reportUsageDocument, { input: { customerId: ME, featureId: 'feature-api-calls', value: 1 } }) }) },
  { id: 'T05', category: 'transport', threat: 'Form-encoded body (cross-site HTML form)', request: '`content-type: application/x-www-form-urlencoded`', expect: unsupported,
    build: () => ({ headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `session=${ME}` }, body: `query=${encodeURIComponent(`{ ${entitlement(ME)} }`)}` }) },
  { id: 'T06', category: 'transport', threat: 'multipart/form-data (file-upload spec, cross-site form)', request: '`content-type: multipart/form-data; boundary=x`', expect: unsupported,
    build: () => ({ headers: { 'content-type': 'multipart/form-data; boundary=x', cookie: `session=${ME}` }, body: `--x\r\nContent-Disposition: form-data; name="operations"\r\n\r\n${gql(`{ ${entitlement(ME)} }`)}\r\n--x--\r\n` }) },
  { id: 'T07', category: 'transport', threat: 'No content type at all', request: 'valid JSON body, no `content-type`', expect: unsupported,
    build: () => ({ headers: { cookie: `session=${ME}` }, body: gql(`{ ${entitlement(ME)} }`) }) },
  { id: 'T08', category: 'transport', threat: 'application/graphql body', request: '`content-type: application/graphql`, raw document', expect: unsupported,
    build: () => ({ headers: { 'content-type': 'application/graphql', cookie: `session=${ME}` }, body: `{ ${entitlement(ME)} }` }) },
  { id: 'K01', category: 'key', threat: 'Browser-supplied X-API-KEY (try a guessed or stolen key, or learn the real one)', request: '`X-API-KEY: guessed-key` on a valid read', expect: ok, reachesUpstream: true,
    build: () => ({ extraHeaders: { 'x-api-key': 'guessed-key' }, body: gql(entitlementsDocument(1), { customerId: ME, f0: 'feature-sso' }) }) },
  { id: 'K02', category: 'key', threat: "Browser credentials leaking upstream (cookies, Authorization)", request: '`Authorization: Bearer …`, session cookie, valid read', expect: ok, reachesUpstream: true,
    build: () => ({ extraHeaders: { authorization: 'Bearer browser-token' }, body: gql(subscriptionsDocument, { customerId: ME }) }) },
]

/** SECURITY.md's table, one line per attack, in catalog order. */
export function renderAttackTable(list: readonly Attack[] = attacks): string {
  const escape = (text: string) => text.replace(/\|/g, '\\|')
  const lines = [
    '| # | Threat | Request | Expected answer |',
    '|---|---|---|---|',
    ...list.map((a) => {
      const answer = a.reachesUpstream ? `${a.expect.status}, served with the server's key; browser key and credentials dropped` : `${a.expect.status} \`${a.expect.code}\`, nothing forwarded`
      return `| ${a.id} | ${escape(a.threat)} | ${escape(a.request)} | ${answer} |`
    }),
  ]
  return lines.join('\n')
}
