import type { PlanFeature, PlanPrice } from '../../core/plans'
import type { ResetPeriod } from '../../core/types'
import { unitName, usageFormat } from '../meter/usageFormat'

const per: Record<ResetPeriod, string> = { HOUR: 'hour', DAY: 'day', WEEK: 'week', MONTH: 'month', YEAR: 'year' }

/**
 * One line of a plan's feature list: "10,000 API calls per month", "Unlimited seats",
 * "20 projects", or the display name of a boolean feature.
 */
export function planFeatureText(feature: PlanFeature, locale: string | undefined): string {
  const { displayName, featureType } = feature.feature
  if (featureType === 'BOOLEAN') return displayName
  if (feature.isUnlimited) return `Unlimited ${unitName(feature.feature, 'other')}`
  const format = usageFormat(locale)
  const amount = feature.usageLimit ?? feature.value ?? 0
  const text = `${format.number(amount)} ${unitName(feature.feature, format.plural(amount))}`
  return feature.resetPeriod ? `${text} per ${per[feature.resetPeriod]}` : text
}

/** "$49 / month"; a currency Intl rejects is shown as its code ("49 XYZ / month"). */
export function planPriceText(price: PlanPrice, locale: string | undefined): string {
  let amount: string
  try {
    amount = new Intl.NumberFormat(locale, { style: 'currency', currency: price.currency, maximumFractionDigits: 2, minimumFractionDigits: 0 }).format(price.amount)
  } catch {
    amount = `${usageFormat(locale).number(price.amount)} ${price.currency}`
  }
  return `${amount} / ${price.billingPeriod === 'ANNUALLY' ? 'year' : 'month'}`
}
