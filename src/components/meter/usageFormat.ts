import type { FeatureInfo } from '../../core/types'

/** The locale-bound formatters a meter needs; built once per locale. */
export interface UsageFormat {
  number: (value: number) => string
  /** Month short + day, e.g. "Dec 1" (en-US) or "1. Dez." (de-DE). */
  date: (value: Date) => string
  /** Intl plural category of `value`, e.g. 'one' or 'other'. */
  plural: (value: number) => Intl.LDMLPluralRule
}

const cache = new Map<string | undefined, UsageFormat>()

/**
 * Formatters for `locale` (undefined = the runtime default), built once per locale and shared by
 * every meter. A locale Intl rejects falls back to the runtime default, so a typo in the
 * provider's `locale` cannot take the page down.
 */
export function usageFormat(locale: string | undefined): UsageFormat {
  let format = cache.get(locale)
  if (!format) {
    try {
      format = build(locale)
    } catch {
      // Intl rejects a malformed locale (RangeError) or a non-string one (TypeError).
      format = build(undefined)
    }
    cache.set(locale, format)
  }
  return format
}

function build(locale: string | undefined): UsageFormat {
  const plural = new Intl.PluralRules(locale)
  return {
    // `format` of NumberFormat and DateTimeFormat is a bound getter, so it can be handed out as is.
    number: new Intl.NumberFormat(locale).format,
    date: new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric' }).format,
    plural: (value) => plural.select(value),
  }
}

/**
 * The unit word for `count` of a feature: singular for the 'one' plural category, plural
 * otherwise; falls back to the other form, then the feature's display name, then "unit(s)".
 */
export function unitName(feature: FeatureInfo | null, category: Intl.LDMLPluralRule): string {
  const { units, unitsPlural, displayName } = feature ?? ({} as Partial<FeatureInfo>)
  return category === 'one' ? units || unitsPlural || displayName || 'unit' : unitsPlural || units || displayName || 'units'
}
