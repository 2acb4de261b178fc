import type { DocumentNode, GraphQLSchema } from 'graphql'
import { GraphQLError, Kind, parse, validate, type FragmentDefinitionNode } from 'graphql'
import { countFields } from '../../graphql/countFields'
import { LruCache } from '../../graphql/LruCache'
import { compileQuery, type CompiledQuery } from './compileQuery'

/** A parsed document, or why it cannot run. */
export type PreparedDocument =
  | { document: DocumentNode; errors?: undefined; stage?: undefined }
  | { document?: undefined; errors: readonly GraphQLError[]; stage: 'parse' | 'validate' }

/**
 * The emulator's own cost limit, whoever calls it (a proxy, Stigg's SDKs, a test): fields after
 * fragment expansion, aliases counted. Stigg's SDK documents stay far below it; an amplified
 * document (aliases × fragments, a million fields from 10 KB) is refused before it runs.
 */
export const EMULATOR_MAX_FIELDS = 20_000
/** Tokens per document: the parser's work is bounded before any of the above is counted. */
export const EMULATOR_MAX_TOKENS = 50_000
/** Parsed documents keep token locations here (for error messages): about 55 bytes per character. */
const BYTES_PER_CHARACTER = 60
const CACHE_BYTES = 64 * 1024 * 1024

/**
 * Parses and validates each distinct document text once. Least recently used texts
 * leave first, so a client that sends endless distinct documents cannot grow it.
 */
export class DocumentCache {
  private readonly entries: LruCache<string, PreparedDocument>
  /** Keyed by the cached document, so plans leave with it. */
  private readonly queries = new WeakMap<DocumentNode, Map<string | undefined, CompiledQuery | undefined>>()

  constructor(
    private readonly schema: GraphQLSchema,
    capacity = 500,
  ) {
    this.entries = new LruCache(capacity, { maxWeight: CACHE_BYTES, weigh: (text) => text.length * BYTES_PER_CHARACTER })
  }

  get(text: string): PreparedDocument {
    let prepared = this.entries.get(text)
    if (prepared === undefined) {
      prepared = this.prepare(text)
      this.entries.set(text, prepared)
    }
    return prepared
  }

  /**
   * The document's query compiled for this operation name, once per document; undefined when
   * `execute` must run it (mutations, directives, abstract types…).
   */
  compiled(document: DocumentNode, operationName: string | undefined): CompiledQuery | undefined {
    let byName = this.queries.get(document)
    if (!byName) {
      byName = new Map()
      this.queries.set(document, byName)
    }
    if (!byName.has(operationName)) {
      // Only names the document defines are kept, so hostile names cannot grow the map.
      const compiled = compileQuery(this.schema, document, operationName)
      if (compiled === undefined && operationName !== undefined) return undefined
      byName.set(operationName, compiled)
    }
    return byName.get(operationName)
  }

  /** The instance of the text `get` saw last, for callers that keep the text: one copy instead of one per request. */
  get newestText(): string | undefined {
    return this.entries.newest
  }

  get size(): number {
    return this.entries.size
  }

  private prepare(text: string): PreparedDocument {
    let document: DocumentNode
    try {
      document = parse(text, { maxTokens: EMULATOR_MAX_TOKENS })
    } catch (error) {
      return { errors: [error as GraphQLError], stage: 'parse' }
    }
    const tooCostly = costError(document)
    if (tooCostly) return { errors: [tooCostly], stage: 'validate' }
    const errors = validate(this.schema, document)
    return errors.length > 0 ? { errors, stage: 'validate' } : { document }
  }
}

/** The first operation that asks for more than {@link EMULATOR_MAX_FIELDS} fields, as an error. */
function costError(document: DocumentNode): GraphQLError | undefined {
  const fragments = new Map<string, FragmentDefinitionNode>()
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition)
  }
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue
    const { fields } = countFields(definition.selectionSet, fragments)
    if (fields > EMULATOR_MAX_FIELDS) {
      const count = Number.isFinite(fields) ? fields.toLocaleString('en-US') : 'more than 10^308'
      return new GraphQLError(`The operation asks for ${count} fields once fragments are expanded (aliases counted); the emulator allows ${EMULATOR_MAX_FIELDS}.`, {
        extensions: { code: 'QUERY_TOO_COMPLEX' },
      })
    }
  }
  return undefined
}
