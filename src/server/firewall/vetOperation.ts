import {
  getArgumentValues,
  getNullableType,
  getVariableValues,
  isInputObjectType,
  isListType,
  valueFromAST,
  type GraphQLInputType,
} from 'graphql'
import type { OperationPlan } from './compileOperation'
import type { ResolvedAllow } from '../resolveProxyOptions'
import { compilePlainCoercion, type PlainCoercion } from '../../graphql/compilePlainCoercion'
import { ProxyRefusal } from '../ProxyRefusal'
import { vetResourceIds } from './resourcePins'
import type { StiggDialect, VettedOperation } from '../dialects/StiggDialect'

/** Per plan, built on its first request: plans live in the firewall's bounded cache, and leave this map with it. */
const plainCoercions = new WeakMap<OperationPlan, PlainCoercion | undefined>()

function coerceVariables(plan: OperationPlan, rawVariables: Record<string, unknown>, dialect: StiggDialect): Record<string, unknown> {
  let plain = plainCoercions.get(plan)
  if (plain === undefined && !plainCoercions.has(plan)) {
    plain = compilePlainCoercion(dialect.schema, plan.variableDefinitions)
    plainCoercions.set(plan, plain)
  }
  const fast = plain?.(rawVariables)
  if (fast !== undefined) return fast
  const coercion = getVariableValues(dialect.schema, plan.variableDefinitions, rawVariables, { maxErrors: 10 })
  if (coercion.errors) {
    throw new ProxyRefusal(400, 'BAD_USER_INPUT', coercion.errors[0]?.message ?? 'Invalid variables.', {
      errors: coercion.errors.map((error) => ({ message: error.message, extensions: { code: 'BAD_USER_INPUT' } })),
    })
  }
  return coercion.coerced
}

/**
 * The per-request half of the firewall: coerce the variables, then check every customer id
 * and usage amount on the coerced values (what the upstream will see), not on the raw JSON.
 */
export function vetOperation(
  plan: OperationPlan,
  rawVariables: Record<string, unknown>,
  customerId: string,
  dialect: StiggDialect,
  allow: ResolvedAllow,
  resourceId: string | null = null,
): VettedOperation {
  // Coerced values, not the raw JSON: every check below and the upstream see the same values.
  const variables = coerceVariables(plan, rawVariables, dialect)
  if (plan.resourceSites.length > 0) vetResourceIds(plan.resourceSites, variables, resourceId)

  for (const site of plan.pinSites) {
    const value = site.valueNode === undefined ? site.defaultValue : valueFromAST(site.valueNode, site.type, variables)
    const pinned =
      site.argumentName === dialect.customerIdName
        ? value === customerId
        : value !== undefined && value !== null && isPinned(value, site.type, customerId, dialect.customerIdName)
    if (!pinned) {
      throw new ProxyRefusal(
        403,
        'FORBIDDEN',
        `The operation names a customer other than the signed-in one (argument "${site.argumentName}"); the Stigg proxy only serves the customer that identify() returned.`,
      )
    }
  }

  for (const { definition, node } of plan.usageFields) {
    if (!allow.reportUsage) continue // unreachable: compileOperation refuses the field
    let value: unknown
    try {
      value = dialect.usageValue(getArgumentValues(definition, node, variables))
    } catch (error) {
      throw new ProxyRefusal(400, 'BAD_USER_INPUT', error instanceof Error ? error.message : 'Invalid arguments.')
    }
    const { maxValue, minValue } = allow.reportUsage
    // At least minValue (default 1e-6): 5e-324 and other dust would pass a "> 0" check.
    if (typeof value !== 'number' || !Number.isFinite(value) || value < minValue || value > maxValue) {
      throw new ProxyRefusal(
        403,
        'FORBIDDEN',
        `Usage value ${String(value)} is not allowed: the Stigg proxy accepts a finite value from ${minValue} (allow.reportUsage.minValue) to ${maxValue} (allow.reportUsage.maxValue).`,
      )
    }
  }

  for (const { definition, node } of plan.provisionFields) {
    if (!allow.provisionCustomer) continue // unreachable: compileOperation refuses the field
    let args: Record<string, unknown>
    try {
      args = getArgumentValues(definition, node, variables)
    } catch (error) {
      throw new ProxyRefusal(400, 'BAD_USER_INPUT', error instanceof Error ? error.message : 'Invalid arguments.')
    }
    checkProvisioning(args, allow.provisionCustomer)
  }

  return { query: plan.query, operationName: plan.operationName, variables, rootFields: plan.rootFields }
}

/** True when every customer id inside an input value equals `customerId`; a missing one counts as different. */
function isPinned(value: unknown, type: GraphQLInputType, customerId: string, name: string): boolean {
  const nullable = getNullableType(type)
  if (value === null || value === undefined) return true
  if (isListType(nullable)) {
    const items: unknown[] = Array.isArray(value) ? value : [value]
    return items.every((item) => isPinned(item, nullable.ofType, customerId, name))
  }
  if (!isInputObjectType(nullable) || typeof value !== 'object') return true
  const record = value as Record<string, unknown>
  return Object.values(nullable.getFields()).every((field) =>
    field.name === name ? record[name] === customerId : isPinned(record[field.name], field.type, customerId, name),
  )
}

/**
 * A browser may start only a plan the server allows, as the plan defines it: no dates of its own,
 * and a trial only with `trial: true`. The firewall vets seed-shaped arguments with either dialect.
 */
function checkProvisioning(args: Record<string, unknown>, policy: { plans: ReadonlySet<string>; trial: boolean }): void {
  const input = args['input']
  const params = typeof input === 'object' && input !== null ? (input as Record<string, unknown>)['subscriptionParams'] : undefined
  if (params === undefined || params === null) return
  const { planId, status, startDate, endDate, trialEndDate } = params as Record<string, unknown>
  const refuse = (why: string) => new ProxyRefusal(403, 'FORBIDDEN', `Provisioning refused: ${why} (allow.provisionCustomer in createStiggProxy).`)
  if (typeof planId !== 'string' || !policy.plans.has(planId)) {
    const allowed = policy.plans.size === 0 ? 'none: provisioning without a subscription only' : [...policy.plans].join(', ')
    throw refuse(`plan ${JSON.stringify(planId)} is not one the browser may start; allowed: ${allowed}`)
  }
  if ((status === 'TRIAL' || trialEndDate != null) && !policy.trial) throw refuse('a trial may not be started from the browser; enable it with trial: true')
  if (status != null && status !== 'ACTIVE' && status !== 'TRIAL') throw refuse(`status ${String(status)} may not be set from the browser`)
  for (const [name, value] of [['startDate', startDate], ['endDate', endDate]] as const) {
    if (value != null) throw refuse(`subscriptionParams.${name} may not be set from the browser; the plan's own terms apply`)
  }
  if (trialEndDate != null) {
    const end = typeof trialEndDate === 'string' ? Date.parse(trialEndDate) : Number.NaN
    if (!(end <= Date.now() + MAX_TRIAL_DAYS * 86_400_000)) {
      throw refuse(`subscriptionParams.trialEndDate must be a date at most ${MAX_TRIAL_DAYS} days ahead`)
    }
  }
}

/** The furthest trial end a browser may choose when `allow.provisionCustomer.trial` is on. */
export const MAX_TRIAL_DAYS = 90
