import type { DocumentNode, GraphQLError, GraphQLSchema } from 'graphql'
import { parse, validate } from 'graphql'
import { LruCache } from '../../graphql/LruCache'
import { compileQuery, type CompiledQuery } from './compileQuery'

/** A parsed document, or why it cannot run. */
export type PreparedDocument =
  | { document: DocumentNode; errors?: undefined; stage?: undefined }
  | { document?: undefined; errors: readonly GraphQLError[]; stage: 'parse' | 'validate' }

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
    this.entries = new LruCache(capacity)
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
      document = parse(text)
    } catch (error) {
      return { errors: [error as GraphQLError], stage: 'parse' }
    }
    const errors = validate(this.schema, document)
    return errors.length > 0 ? { errors, stage: 'validate' } : { document }
  }
}
