import ts from 'typescript'

/**
 * `sdk.d.ts` read syntactically (no type checker): graphql-codegen writes every result type as
 * object literals with a `__typename` literal, fragments as intersections, unions as unions,
 * `?:`/`| null` for nullable fields and `Array<…>` for lists, so the AST alone says it all.
 */

/** Members of one object alternative, by response key; a key may come from several intersected parts. */
export type Members = Map<string, ts.PropertySignature[]>
/** The object alternatives of a TypeScript result type, by `__typename`. */
export type Alternatives = Map<string, Members>

/** A leaf or object result type as GraphQL sees it. */
export type Shape =
  | { kind: 'list'; nullable: boolean; of: Shape }
  | { kind: 'leaf'; nullable: boolean; ts: 'string' | 'number' | 'boolean' | 'any'; enumName?: string }
  | { kind: 'object'; nullable: boolean; alternatives: Alternatives }

export class Declarations {
  readonly aliases = new Map<string, ts.TypeNode>()
  readonly enums = new Map<string, string[]>()
  readonly scalars = new Set<string>()

  constructor(text: string) {
    const file = ts.createSourceFile('sdk.d.ts', text, ts.ScriptTarget.Latest, true)
    for (const statement of file.statements) {
      if (ts.isTypeAliasDeclaration(statement)) this.aliases.set(statement.name.text, statement.type)
      if (ts.isEnumDeclaration(statement)) {
        this.enums.set(
          statement.name.text,
          statement.members.map((member) => (member.initializer && ts.isStringLiteral(member.initializer) ? member.initializer.text : member.name.getText())),
        )
      }
    }
    const scalars = this.aliases.get('Scalars')
    if (scalars && ts.isTypeLiteralNode(scalars)) for (const member of scalars.members) this.scalars.add(member.name!.getText())
  }

  /** The object alternatives a result type node stands for, grouped by `__typename`. */
  alternatives(node: ts.TypeNode): Alternatives {
    const grouped: Alternatives = new Map()
    for (const [typename, members] of this.alternativeList(node)) {
      if (typename === undefined) throw new Error(`An object type without __typename in sdk.d.ts: ${node.getText().slice(0, 120)}`)
      const into = grouped.get(typename) ?? new Map()
      for (const [key, signatures] of members) into.set(key, [...(into.get(key) ?? []), ...signatures])
      grouped.set(typename, into)
    }
    return grouped
  }

  private alternativeList(node: ts.TypeNode): Array<[string | undefined, Members]> {
    if (ts.isParenthesizedTypeNode(node)) return this.alternativeList(node.type)
    if (ts.isUnionTypeNode(node)) return node.types.filter((part) => !isNullish(part)).flatMap((part) => this.alternativeList(part))
    if (ts.isTypeReferenceNode(node)) {
      const target = this.aliases.get(node.typeName.getText())
      if (!target) throw new Error(`sdk.d.ts: no type alias ${node.typeName.getText()}`)
      return this.alternativeList(target)
    }
    if (ts.isTypeLiteralNode(node)) {
      const members: Members = new Map()
      let typename: string | undefined
      for (const member of node.members) {
        if (!ts.isPropertySignature(member) || !member.type) continue
        const key = member.name.getText()
        if (key === '__typename') typename = stringLiteral(member.type)
        else members.set(key, [member])
      }
      return [[typename, members]]
    }
    if (ts.isIntersectionTypeNode(node)) {
      // The cross product of the parts' alternatives; parts naming different types cannot meet.
      let combined: Array<[string | undefined, Members]> = [[undefined, new Map()]]
      for (const part of node.types) {
        const next: Array<[string | undefined, Members]> = []
        for (const [leftName, left] of combined) {
          for (const [rightName, right] of this.alternativeList(part)) {
            if (leftName !== undefined && rightName !== undefined && leftName !== rightName) continue
            const members: Members = new Map(left)
            for (const [key, signatures] of right) members.set(key, [...(members.get(key) ?? []), ...signatures])
            next.push([leftName ?? rightName, members])
          }
        }
        combined = next
      }
      return combined
    }
    throw new Error(`sdk.d.ts: unexpected result type ${ts.SyntaxKind[node.kind]}: ${node.getText().slice(0, 120)}`)
  }

  /** What a result field's declared type says: list, leaf or object, and nullability. */
  shape(signature: ts.PropertySignature): Shape {
    return this.shapeOf(signature.type!, signature.questionToken !== undefined)
  }

  private shapeOf(node: ts.TypeNode, optional: boolean): Shape {
    if (ts.isParenthesizedTypeNode(node)) return this.shapeOf(node.type, optional)
    let nullable = optional
    let parts = ts.isUnionTypeNode(node) ? [...node.types] : [node]
    if (parts.some(isNullish)) {
      nullable = true
      parts = parts.filter((part) => !isNullish(part))
    }
    const [only] = parts
    if (parts.length === 1 && only) {
      if (ts.isParenthesizedTypeNode(only)) return { ...this.shapeOf(only.type, false), nullable }
      if (ts.isArrayTypeNode(only)) return { kind: 'list', nullable, of: this.shapeOf(only.elementType, false) }
      if (ts.isTypeReferenceNode(only) && only.typeName.getText() === 'Array') {
        return { kind: 'list', nullable, of: this.shapeOf(only.typeArguments![0]!, false) }
      }
      const keyword = keywordOf(only)
      if (keyword) return { kind: 'leaf', nullable, ts: keyword }
      if (ts.isLiteralTypeNode(only)) return { kind: 'leaf', nullable, ts: 'string' }
      if (ts.isTypeReferenceNode(only) && this.enums.has(only.typeName.getText())) {
        return { kind: 'leaf', nullable, ts: 'string', enumName: only.typeName.getText() }
      }
    }
    const alternatives = new Map<string, Members>()
    for (const part of parts) for (const [name, members] of this.alternatives(part)) alternatives.set(name, members)
    return { kind: 'object', nullable, alternatives }
  }
}

function isNullish(node: ts.TypeNode): boolean {
  return (ts.isLiteralTypeNode(node) && node.literal.kind === ts.SyntaxKind.NullKeyword) || node.kind === ts.SyntaxKind.UndefinedKeyword
}

function stringLiteral(node: ts.TypeNode): string | undefined {
  return ts.isLiteralTypeNode(node) && ts.isStringLiteral(node.literal) ? node.literal.text : undefined
}

function keywordOf(node: ts.TypeNode): 'string' | 'number' | 'boolean' | 'any' | undefined {
  switch (node.kind) {
    case ts.SyntaxKind.StringKeyword:
      return 'string'
    case ts.SyntaxKind.NumberKeyword:
      return 'number'
    case ts.SyntaxKind.BooleanKeyword:
      return 'boolean'
    case ts.SyntaxKind.AnyKeyword:
    case ts.SyntaxKind.UnknownKeyword:
      return 'any'
    default:
      return undefined
  }
}

/**
 * An input type's field as SDL: `InputMaybe<…>`/`?:` nullable, `Array<…>` a list,
 * `Scalars['X']` the scalar X, any other name an input type or enum.
 */
export function inputTypeRef(node: ts.TypeNode, optional: boolean, named: (name: string) => void): string {
  if (ts.isParenthesizedTypeNode(node)) return inputTypeRef(node.type, optional, named)
  if (ts.isTypeReferenceNode(node)) {
    const name = node.typeName.getText()
    const argument = node.typeArguments?.[0]
    if ((name === 'InputMaybe' || name === 'Maybe') && argument) return stripBang(inputTypeRef(argument, false, named))
    if (name === 'Array' && argument) return bang(`[${inputTypeRef(argument, false, named)}]`, optional)
    named(name)
    return bang(name, optional)
  }
  if (ts.isArrayTypeNode(node)) return bang(`[${inputTypeRef(node.elementType, false, named)}]`, optional)
  if (ts.isIndexedAccessTypeNode(node) && ts.isLiteralTypeNode(node.indexType) && ts.isStringLiteral(node.indexType.literal)) {
    named(node.indexType.literal.text)
    return bang(node.indexType.literal.text, optional)
  }
  throw new Error(`sdk.d.ts: unexpected input field type ${node.getText()}`)
}

const bang = (type: string, optional: boolean) => (optional ? type : `${type}!`)
const stripBang = (type: string) => (type.endsWith('!') ? type.slice(0, -1) : type)
