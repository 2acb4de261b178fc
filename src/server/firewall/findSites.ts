import {
  TypeInfo,
  getNamedType,
  isInputObjectType,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type FieldNode,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type ValueNode,
} from 'graphql'
import type { StiggDialect } from '../dialects/StiggDialect'

/** Where a customer id can enter the operation: checked per request against the coerced variables. */
export interface PinSite {
  argumentName: string
  type: GraphQLInputType
  /** Absent when the argument was left out (its default applies). */
  valueNode: ValueNode | undefined
  defaultValue: unknown
}

/** A report-usage field: its value is checked per request against `allow.reportUsage.maxValue`. */
export interface UsageField {
  definition: GraphQLField<unknown, unknown>
  node: FieldNode
}

/** Every argument that is, or can contain, a customer id; every report-usage and provisioning field. */
export function findSites(
  document: DocumentNode,
  dialect: StiggDialect,
): { pinSites: PinSite[]; usageFields: UsageField[]; provisionFields: UsageField[] } {
  const pinSites: PinSite[] = []
  const usageFields: UsageField[] = []
  // Checked per request against allow.provisionCustomer's plans and trial.
  const provisionFields: UsageField[] = []
  const mutationType = dialect.schema.getMutationType()
  const carriesCustomer = (name: string, type: GraphQLInputType): boolean =>
    name === dialect.customerIdName || containsCustomerId(getNamedType(type), dialect.customerIdName, new Set())
  const typeInfo = new TypeInfo(dialect.schema)
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const definition = typeInfo.getFieldDef()
        if (!definition) return
        if (typeInfo.getParentType() === mutationType && definition.name === dialect.reportUsageField) {
          usageFields.push({ definition, node })
        }
        if (typeInfo.getParentType() === mutationType && definition.name === dialect.provisionCustomerField) {
          provisionFields.push({ definition, node })
        }
        for (const argument of definition.args) {
          const given = node.arguments?.some((arg) => arg.name.value === argument.name)
          if (!given && carriesCustomer(argument.name, argument.type)) {
            pinSites.push({ argumentName: argument.name, type: argument.type, valueNode: undefined, defaultValue: argument.defaultValue })
          }
        }
      },
      Argument(node) {
        const argument = typeInfo.getArgument()
        if (argument && carriesCustomer(argument.name, argument.type)) {
          pinSites.push({ argumentName: argument.name, type: argument.type, valueNode: node.value, defaultValue: argument.defaultValue })
        }
      },
    }),
  )
  return { pinSites, usageFields, provisionFields }
}

function containsCustomerId(type: GraphQLNamedType, name: string, seen: Set<GraphQLNamedType>): boolean {
  if (!isInputObjectType(type) || seen.has(type)) return false
  seen.add(type) // input types may reference themselves
  return Object.values(type.getFields()).some(
    (field) => field.name === name || containsCustomerId(getNamedType(field.type), name, seen),
  )
}
