import { EmulatorCatalogError } from './EmulatorCatalogError'

/** How often a metered feature's usage starts again from zero. */
export type CatalogResetPeriod = 'HOURLY' | 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'YEARLY'

/** One feature the emulator knows. */
export interface CatalogFeature {
  /** Feature id, e.g. `feature-api-calls`. */
  id: string
  displayName: string
  /**
   * `boolean` features are on or off; `metered` ones count usage against a limit; `numeric`
   * ones carry a configured value per plan (hosted Stigg's NUMBER feature with no meter, e.g.
   * "max projects: 5") and have no usage.
   */
  type: 'boolean' | 'metered' | 'numeric'
  /** Singular unit, e.g. "API call" (metered features). */
  units?: string
  /** Plural unit, e.g. "API calls" (metered features). */
  unitsPlural?: string
  /** Metered features only. Absent: usage never resets (like seats). */
  resetPeriod?: CatalogResetPeriod
}

/** One plan and what it grants. */
export interface CatalogPlan {
  id: string
  name: string
  description?: string
  /**
   * What the plan includes, by feature id. A feature that is absent is not in the plan.
   * - metered feature: a limit (a number ≥ 0), or `null` for unlimited;
   * - numeric feature: its value (a number ≥ 0), or `null` for unlimited;
   * - boolean feature: `true` (included) or `false` (same as absent).
   */
  limits: Record<string, number | boolean | null>
}

/**
 * The emulator's plans and features. `--catalog FILE` takes this shape as JSON.
 *
 * @example
 * ```json
 * {
 *   "features": [
 *     { "id": "feature-api-calls", "displayName": "API calls", "type": "metered",
 *       "units": "API call", "unitsPlural": "API calls", "resetPeriod": "MONTHLY" },
 *     { "id": "feature-sso", "displayName": "Single sign-on", "type": "boolean" }
 *   ],
 *   "plans": [
 *     { "id": "plan-free", "name": "Free", "limits": { "feature-api-calls": 1000 } },
 *     { "id": "plan-pro", "name": "Pro", "limits": { "feature-api-calls": null, "feature-sso": true } }
 *   ],
 *   "defaultPlanId": "plan-free"
 * }
 * ```
 */
export interface Catalog {
  features: CatalogFeature[]
  plans: CatalogPlan[]
  /** The plan a newly provisioned customer gets when no `subscriptionParams` name one. */
  defaultPlanId: string
}

const resetPeriods: readonly string[] = ['HOURLY', 'DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY']
const featureKeys = new Set(['id', 'displayName', 'type', 'units', 'unitsPlural', 'resetPeriod'])
const planKeys = new Set(['id', 'name', 'description', 'limits'])
const catalogKeys = new Set(['features', 'plans', 'defaultPlanId'])

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

function fail(where: string, problem: string): never {
  throw new EmulatorCatalogError(where, problem)
}

function checkKeys(where: string, value: Record<string, unknown>, allowed: Set<string>): void {
  for (const key of Object.keys(value)) {
    if (!allowed.has(key)) fail(`${where}.${key}`, `unknown property (allowed: ${[...allowed].join(', ')})`)
  }
}

function requireString(where: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') fail(where, 'must be a non-empty string')
  return value
}

function optionalString(where: string, value: unknown): string | undefined {
  if (value === undefined) return undefined
  if (typeof value !== 'string') fail(where, 'must be a string when present')
  return value
}

function validateFeature(where: string, input: unknown): CatalogFeature {
  if (!isRecord(input)) fail(where, 'must be an object')
  checkKeys(where, input, featureKeys)
  const id = requireString(`${where}.id`, input.id)
  const displayName = requireString(`${where}.displayName`, input.displayName)
  const type = input.type
  if (type !== 'boolean' && type !== 'metered' && type !== 'numeric') {
    fail(`${where}.type`, `must be "boolean", "metered" or "numeric", got ${JSON.stringify(type)}`)
  }
  const feature: CatalogFeature = { id, displayName, type }
  const units = optionalString(`${where}.units`, input.units)
  const unitsPlural = optionalString(`${where}.unitsPlural`, input.unitsPlural)
  if (units !== undefined) feature.units = units
  if (unitsPlural !== undefined) feature.unitsPlural = unitsPlural
  if (input.resetPeriod !== undefined) {
    if (type !== 'metered') fail(`${where}.resetPeriod`, `a ${type} feature has no usage to reset; remove it`)
    if (typeof input.resetPeriod !== 'string' || !resetPeriods.includes(input.resetPeriod)) {
      fail(`${where}.resetPeriod`, `must be one of ${resetPeriods.join(', ')} (or absent for never), got ${JSON.stringify(input.resetPeriod)}`)
    }
    feature.resetPeriod = input.resetPeriod as CatalogResetPeriod
  }
  return feature
}

function validatePlan(where: string, input: unknown, features: Map<string, CatalogFeature>): CatalogPlan {
  if (!isRecord(input)) fail(where, 'must be an object')
  checkKeys(where, input, planKeys)
  const plan: CatalogPlan = {
    id: requireString(`${where}.id`, input.id),
    name: requireString(`${where}.name`, input.name),
    limits: {},
  }
  const description = optionalString(`${where}.description`, input.description)
  if (description !== undefined) plan.description = description
  if (!isRecord(input.limits)) fail(`${where}.limits`, 'must be an object of feature id → limit')
  for (const [featureId, limit] of Object.entries(input.limits)) {
    const at = `${where}.limits.${featureId}`
    const feature = features.get(featureId)
    if (!feature) fail(at, `unknown feature (known: ${[...features.keys()].join(', ') || 'none'})`)
    if (feature.type === 'boolean') {
      if (typeof limit !== 'boolean') fail(at, `boolean feature takes true or false, got ${JSON.stringify(limit)}`)
    } else if (limit !== null && (typeof limit !== 'number' || !Number.isFinite(limit) || limit < 0)) {
      fail(at, `${feature.type} feature takes a number ≥ 0 or null (unlimited), got ${JSON.stringify(limit)}`)
    }
    plan.limits[featureId] = limit as number | boolean | null
  }
  return plan
}

/**
 * Checks a catalog (for example parsed from a `--catalog` JSON file) and returns a clean copy.
 *
 * @throws {EmulatorCatalogError} naming the first bad entry, e.g.
 *   `plans[1].limits.feature-x: unknown feature`.
 */
export function validateCatalog(input: unknown): Catalog {
  if (!isRecord(input)) fail('catalog', 'must be an object with features, plans and defaultPlanId')
  checkKeys('catalog', input, catalogKeys)
  if (!Array.isArray(input.features)) fail('features', 'must be an array')
  if (!Array.isArray(input.plans) || input.plans.length === 0) fail('plans', 'must be a non-empty array')
  const features = new Map<string, CatalogFeature>()
  input.features.forEach((raw, index) => {
    const feature = validateFeature(`features[${index}]`, raw)
    if (features.has(feature.id)) fail(`features[${index}].id`, `duplicate feature id "${feature.id}"`)
    features.set(feature.id, feature)
  })
  const plans = new Map<string, CatalogPlan>()
  input.plans.forEach((raw, index) => {
    const plan = validatePlan(`plans[${index}]`, raw, features)
    if (plans.has(plan.id)) fail(`plans[${index}].id`, `duplicate plan id "${plan.id}"`)
    plans.set(plan.id, plan)
  })
  const defaultPlanId = requireString('defaultPlanId', input.defaultPlanId)
  if (!plans.has(defaultPlanId)) fail('defaultPlanId', `unknown plan "${defaultPlanId}" (known: ${[...plans.keys()].join(', ')})`)
  return { features: [...features.values()], plans: [...plans.values()], defaultPlanId }
}
