import type { Entitlement } from './types'

/**
 * The app's catalog at the type level, filled in by the file `react-stigg-codegen` writes
 * (module augmentation, like TanStack Router's `Register`). Empty by default: then every
 * feature and plan id is a plain `string`, as without the generator.
 *
 * @example
 * // src/stigg.d.ts, written by `react-stigg-codegen --catalog catalog.json --out src/stigg.d.ts`
 * declare module 'react-stigg' {
 *   interface Register { catalog: StiggCatalog }
 * }
 */
export interface Register {}

/** The kinds a catalog feature comes in (the emulator catalog's `type`). */
export type FeatureKind = 'boolean' | 'metered' | 'numeric'

/** The shape the generated catalog type has; `Register['catalog']` must extend it. */
export interface RegisteredCatalogShape {
  features: Record<string, { kind: FeatureKind }>
  plans: Record<string, unknown>
}

/** The registered catalog, or `never` without the generated file. */
export type RegisteredCatalog = Register extends { catalog: infer C extends RegisteredCatalogShape } ? C : never

type IsTyped = [RegisteredCatalog] extends [never] ? false : true

/** A feature id of the registered catalog; `string` without the generated file. */
export type FeatureId = IsTyped extends true ? keyof RegisteredCatalog['features'] & string : string

/** A plan id of the registered catalog; `string` without the generated file. */
export type PlanId = IsTyped extends true ? keyof RegisteredCatalog['plans'] & string : string

/** The feature ids of one kind; `string` without the generated file. */
export type FeatureIdOfKind<K extends FeatureKind> = IsTyped extends true
  ? { [Id in FeatureId]: RegisteredCatalog['features'][Id] extends { kind: K } ? Id : never }[FeatureId]
  : string

/** Metered feature ids (the ones with usage): what `UsageMeter` and `useReportUsage` take. */
export type MeteredFeatureId = FeatureIdOfKind<'metered'>

type CommonKeys = 'featureId' | 'isGranted' | 'hasAccess' | 'requestedUsage' | 'accessDeniedReason' | 'isFallback' | 'feature'

/** An on/off feature's entitlement: no usage, limit, reset or value. */
export type BooleanEntitlement = Pick<Entitlement, CommonKeys>
/** A metered feature's entitlement: usage against a limit that may reset. */
export type MeteredEntitlement = Pick<
  Entitlement,
  CommonKeys | 'isUnlimited' | 'usageLimit' | 'currentUsage' | 'remaining' | 'resetPeriod' | 'usagePeriodEnd'
>
/** A numeric feature's entitlement: a configured `value`, no usage. */
export type NumericEntitlement = Pick<Entitlement, CommonKeys | 'isUnlimited' | 'value'>

/**
 * The entitlement type of a feature id: follows the feature's kind with the generated file,
 * the full {@link Entitlement} without it (or for an id whose kind is not known).
 */
export type EntitlementOf<Id extends string> = IsTyped extends true
  ? Id extends keyof RegisteredCatalog['features']
    ? RegisteredCatalog['features'][Id] extends { kind: 'boolean' }
      ? BooleanEntitlement
      : RegisteredCatalog['features'][Id] extends { kind: 'numeric' }
        ? NumericEntitlement
        : RegisteredCatalog['features'][Id] extends { kind: 'metered' }
          ? MeteredEntitlement
          : Entitlement
    : Entitlement
  : Entitlement
