/**
 * What `deriveHostedSchema` cannot read from Stigg's published client, by hand. Keep it small:
 * every entry says why it cannot be derived.
 */
export const hostedSchemaOverlay = {
  /**
   * Arguments the documents pass as literals, not variables, so no variable definition names
   * their input type. The types are the ones `sdk.d.ts` defines for those arguments' shapes.
   */
  literalArgumentTypes: {
    'Query.coupons.filter': 'CouponFilter',
    'Query.coupons.paging': 'CursorPaging',
    'Query.products.paging': 'CursorPaging',
  } as Record<string, string>,
  /**
   * Output leaves typed `any` in TypeScript (DateTime, JSON, UUID, ConnectionCursor all map to
   * `any`). Most are resolved by the same field name in an input type or by name (`…At`,
   * `…Date` are DateTime); these are the exceptions.
   */
  scalarLeaves: {
    'PageInfo.startCursor': 'ConnectionCursor',
    'PageInfo.endCursor': 'ConnectionCursor',
  } as Record<string, string>,
  /**
   * Output leaves typed `number`: Float unless listed (Int and Float are both `number` in TypeScript).
   * Counts are Int in Stigg's schema; an Int field that the emulator answers with a fraction would fail loudly.
   */
  intLeaves: ['totalCount'] as string[],
}
