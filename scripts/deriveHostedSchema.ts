import {
  Kind,
  buildSchema,
  getOperationAST,
  print,
  type FieldNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql'
import ts from 'typescript'
import { hostedSchemaOverlay } from './hostedSchemaOverlay'
import { Declarations, inputTypeRef, type Alternatives, type Shape } from './readDeclarations'
import type { StiggClientSource } from './readStiggClient'

/**
 * Hosted Stigg's SDL, derived from Stigg's published clients: root fields and argument types
 * from the documents (variable definitions), output types, nullability and lists from the
 * operations' result types in `sdk.d.ts`, unions from `fragments.json`, input types, enums and
 * scalars from `sdk.d.ts`. The first source wins where two disagree; later ones only add.
 * What cannot be derived is in `hostedSchemaOverlay`.
 */
export function deriveHostedSchema(sources: readonly StiggClientSource[]): { sdl: string; warnings: string[] } {
  const objects = new Map<string, Map<string, { type: string; args: Map<string, string>; uses: number; argUses: Map<string, number> }>>()
  const unions = new Map<string, Set<string>>()
  const inputs = new Map<string, string[]>()
  const enums = new Map<string, string[]>()
  const scalars = new Set<string>()
  const warnings: string[] = []

  for (const source of sources) {
    const declarations = new Declarations(source.declarations)
    const abstractOf = (typenames: string[]): string | undefined =>
      Object.entries(source.possibleTypes)
        .filter(([, possible]) => typenames.every((name) => possible.includes(name)))
        .sort((a, b) => a[1].length - b[1].length)[0]?.[0]
    // Input-type field names say which scalar an `any` or `number` result leaf of the same name is (the most used one).
    const scalarUses = new Map<string, Map<string, number>>()
    for (const node of declarations.aliases.values()) {
      if (!ts.isTypeLiteralNode(node)) continue
      for (const member of node.members) {
        const match = member.getText().match(/Scalars\['(\w+)'\]/)
        if (!match || !member.name) continue
        const uses = scalarUses.get(member.name.getText()) ?? new Map<string, number>()
        uses.set(match[1]!, (uses.get(match[1]!) ?? 0) + 1)
        scalarUses.set(member.name.getText(), uses)
      }
    }
    const scalarByName = (field: string, among: readonly string[]): string | undefined =>
      [...(scalarUses.get(field) ?? [])].filter(([scalar]) => among.includes(scalar)).sort((a, b) => b[1] - a[1])[0]?.[0]
    const custom = [...declarations.scalars].filter((name) => !['ID', 'String', 'Boolean', 'Int', 'Float'].includes(name))
    const namedType = (name: string): void => {
      if (['String', 'Boolean', 'Int', 'Float', 'ID'].includes(name)) return
      if (declarations.scalars.has(name)) scalars.add(name)
      else if (declarations.enums.has(name)) {
        if (!enums.has(name)) enums.set(name, declarations.enums.get(name)!)
      } else if (!inputs.has(name)) {
        const node = declarations.aliases.get(name)
        if (!node || !ts.isTypeLiteralNode(node)) throw new Error(`${source.label}: input type ${name} is not in sdk.d.ts`)
        const fields: string[] = []
        inputs.set(name, fields)
        for (const member of node.members) {
          if (!ts.isPropertySignature(member) || !member.type) continue
          fields.push(`${member.name.getText()}: ${inputTypeRef(member.type, member.questionToken !== undefined, namedType)}`)
        }
      }
    }
    const leafType = (typename: string, field: string, shape: Extract<Shape, { kind: 'leaf' }>): string => {
      if (shape.enumName) {
        namedType(shape.enumName)
        return shape.enumName
      }
      const overlay = hostedSchemaOverlay.scalarLeaves[`${typename}.${field}`]
      let scalar: string
      if (overlay) scalar = overlay
      else if (shape.ts === 'string') scalar = 'String'
      else if (shape.ts === 'boolean') scalar = 'Boolean'
      else if (shape.ts === 'number') scalar = hostedSchemaOverlay.intLeaves.includes(field) ? 'Int' : (scalarByName(field, ['Int', 'Float']) ?? 'Float')
      else scalar = scalarByName(field, custom) ?? (/(At|[Dd]ate|[Ss]tart|[Ee]nd|Anchor|Time)$/.test(field) ? 'DateTime' : 'JSON')
      namedType(scalar)
      return scalar
    }
    const render = (typename: string, field: string, shape: Shape): string => {
      const bang = shape.nullable ? '' : '!'
      if (shape.kind === 'list') return `[${render(typename, field, shape.of)}]${bang}`
      if (shape.kind === 'leaf') return `${leafType(typename, field, shape)}${bang}`
      const names = [...shape.alternatives.keys()]
      if (names.length === 1) return `${names[0]}${bang}`
      const abstract = abstractOf(names)
      if (!abstract) throw new Error(`${source.label}: ${typename}.${field} is one of ${names.join(', ')}, which no union in fragments.json holds`)
      unions.set(abstract, new Set([...(unions.get(abstract) ?? []), ...names]))
      return `${abstract}${bang}`
    }
    const objectAlternatives = (shape: Shape): Alternatives => (shape.kind === 'list' ? objectAlternatives(shape.of) : shape.kind === 'object' ? shape.alternatives : new Map())

    for (const [exportName, document] of source.documents) {
      const operation = getOperationAST(document) as OperationDefinitionNode
      const fragments = new Map<string, FragmentDefinitionNode>()
      for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition)
      const variables = new Map((operation.variableDefinitions ?? []).map((definition) => [definition.variable.name.value, definition.type]))
      const kind = { query: 'Query', mutation: 'Mutation', subscription: 'Subscription' }[operation.operation]
      const resultName = `${operation.name!.value}${kind}`
      const result = declarations.aliases.get(resultName)
      if (!result) throw new Error(`${source.label}: ${exportName} has no result type ${resultName} in sdk.d.ts`)

      const recordField = (typename: string, node: FieldNode, type: string): void => {
        const fields = objects.get(typename) ?? new Map()
        objects.set(typename, fields)
        let entry = fields.get(node.name.value)
        if (!entry) fields.set(node.name.value, (entry = { type, args: new Map(), uses: 0, argUses: new Map() }))
        else if (entry.type !== type) warnings.push(`${typename}.${node.name.value}: ${entry.type} kept; ${source.label} ${exportName} says ${type}`)
        entry.uses++
        for (const argument of node.arguments ?? []) {
          const at = `${typename}.${node.name.value}.${argument.name.value}`
          let argumentType: string
          if (argument.value.kind === Kind.VARIABLE) {
            const variable = variables.get(argument.value.name.value)
            if (!variable) throw new Error(`${exportName}: undefined variable $${argument.value.name.value}`)
            argumentType = print(variable)
            namedType(argumentType.replace(/[[\]!]/g, ''))
          } else {
            const overlay = hostedSchemaOverlay.literalArgumentTypes[at]
            if (!overlay) throw new Error(`${exportName}: ${at} is a literal; name its input type in hostedSchemaOverlay.literalArgumentTypes`)
            argumentType = overlay
            namedType(overlay)
          }
          const previous = entry.args.get(argument.name.value)
          // The loosest use wins: a document passing a nullable variable fails against a non-null argument.
          if (previous === undefined || previous.endsWith('!')) entry.args.set(argument.name.value, argumentType)
          entry.argUses.set(argument.name.value, (entry.argUses.get(argument.name.value) ?? 0) + 1)
        }
      }

      const walk = (selectionSet: SelectionSetNode, alternatives: Alternatives): void => {
        for (const selection of selectionSet.selections) {
          if (selection.kind === Kind.FIELD) {
            if (selection.name.value === '__typename') continue
            const key = selection.alias?.value ?? selection.name.value
            for (const [typename, members] of alternatives) {
              const signatures = members.get(key)
              if (!signatures?.[0]) continue
              const shape = declarations.shape(signatures[0])
              recordField(typename, selection, render(typename, selection.name.value, shape))
              if (selection.selectionSet) {
                // Every part that selected this key contributes sub-fields.
                const merged: Alternatives = new Map()
                for (const signature of signatures) {
                  for (const [name, sub] of objectAlternatives(declarations.shape(signature))) {
                    const into = merged.get(name) ?? new Map()
                    for (const [subKey, subSignatures] of sub) into.set(subKey, [...(into.get(subKey) ?? []), ...subSignatures])
                    merged.set(name, into)
                  }
                }
                walk(selection.selectionSet, merged)
              }
            }
          } else {
            const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? fragments.get(selection.name.value)! : selection
            const condition = fragment.typeCondition?.name.value
            const possible = condition ? (source.possibleTypes[condition] ?? [condition]) : undefined
            const narrowed = new Map([...alternatives].filter(([name]) => !possible || possible.includes(name)))
            walk(fragment.selectionSet, narrowed)
          }
        }
      }
      walk(operation.selectionSet, declarations.alternatives(result))
    }
  }

  // A field some documents leave out, or an argument some uses omit, cannot be required.
  const blocks: string[] = []
  for (const name of [...scalars].sort()) blocks.push(`scalar ${name}`)
  for (const [name, values] of [...enums].sort(byName)) blocks.push(`enum ${name} {\n${values.map((value) => `  ${value}`).join('\n')}\n}`)
  for (const [name, fields] of [...inputs].sort(byName)) blocks.push(`input ${name} {\n${fields.map((field) => `  ${field}`).join('\n')}\n}`)
  // Members no document selects a field of have no known fields: an object type needs one, so they stay out.
  for (const [name, members] of [...unions].sort(byName)) {
    blocks.push(`union ${name} = ${[...members].filter((member) => objects.has(member)).sort().join(' | ')}`)
  }
  for (const [name, fields] of [...objects].sort(byName)) {
    const lines = [...fields].sort(byName).map(([field, { type, args, uses, argUses }]) => {
      const list = [...args].map(([arg, argType]) => `${arg}: ${(argUses.get(arg) ?? 0) < uses ? argType.replace(/!$/, '') : argType}`)
      return `  ${field}${list.length > 0 ? `(${list.join(', ')})` : ''}: ${type}`
    })
    blocks.push(`type ${name} {\n${lines.join('\n')}\n}`)
  }
  const sdl = `${blocks.join('\n\n')}\n`
  buildSchema(sdl) // throws when the derivation produced an invalid schema
  return { sdl, warnings: [...new Set(warnings)] }
}

const byName = <T>(a: [string, T], b: [string, T]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)
