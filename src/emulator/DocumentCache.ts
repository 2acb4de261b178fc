import type { DocumentNode, GraphQLError, GraphQLSchema } from 'graphql'
import { parse, validate } from 'graphql'

/** A parsed document, or why it cannot run. */
export type PreparedDocument =
  | { document: DocumentNode; errors?: undefined; stage?: undefined }
  | { document?: undefined; errors: readonly GraphQLError[]; stage: 'parse' | 'validate' }

/**
 * Parses and validates each distinct document text once. Least recently used texts
 * leave first, so a client that sends endless distinct documents cannot grow it.
 */
export class DocumentCache {
  private readonly entries = new Map<string, PreparedDocument>()

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly capacity = 500,
  ) {}

  get(text: string): PreparedDocument {
    const hit = this.entries.get(text)
    if (hit !== undefined) {
      // Re-inserting moves the entry to the newest end of the Map's order.
      this.entries.delete(text)
      this.entries.set(text, hit)
      return hit
    }
    const prepared = this.prepare(text)
    this.entries.set(text, prepared)
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next()
      if (!oldest.done) this.entries.delete(oldest.value)
    }
    return prepared
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
