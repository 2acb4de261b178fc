import { Kind, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql'

/** What an operation will make the executor do, counted before anything runs. */
export interface FieldCount {
  /** Fields once every fragment is expanded, each alias counted: what the executor resolves per object. */
  fields: number
  /** The longest chain of fragment spreads (`...A` spreading `...B` is 2). */
  spreadDepth: number
}

/**
 * Counts the fields an operation asks for after fragment expansion, aliases multiplied: 100
 * aliases of a field spreading a fragment of 100 aliased fields cost 10,100, not 2. Linear in the
 * document (each fragment is counted once and remembered), so a hostile document cannot make the
 * count itself expensive. It runs before validation: unknown fragments count nothing and a
 * fragment cycle is cut (validation refuses it later). Counts may reach `Infinity`; compare, do not print.
 * Shared by the proxy's firewall and the emulator, which applies its own limit.
 */
export function countFields(selectionSet: SelectionSetNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>): FieldCount {
  const memo = new Map<string, FieldCount>()
  const entered = new Set<string>()
  const count = (set: SelectionSetNode): FieldCount => {
    let fields = 0
    let spreadDepth = 0
    for (const selection of set.selections) {
      let inner: FieldCount | undefined
      if (selection.kind === Kind.FIELD) {
        fields += 1
        if (selection.selectionSet) inner = count(selection.selectionSet)
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        inner = count(selection.selectionSet)
      } else {
        const name = selection.name.value
        const fragment = fragments.get(name)
        if (!fragment || entered.has(name)) continue
        let spread = memo.get(name)
        if (spread === undefined) {
          entered.add(name)
          const body = count(fragment.selectionSet)
          entered.delete(name)
          spread = { fields: body.fields, spreadDepth: body.spreadDepth + 1 }
          memo.set(name, spread)
        }
        inner = spread
      }
      if (inner) {
        fields += inner.fields
        if (inner.spreadDepth > spreadDepth) spreadDepth = inner.spreadDepth
      }
    }
    return { fields, spreadDepth }
  }
  return count(selectionSet)
}
