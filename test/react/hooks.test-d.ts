import type { QueryClient } from '@tanstack/react-query'
import { expectTypeOf } from 'vitest'
import {
  stiggKeys,
  StiggError,
  useEntitlement,
  useEntitlements,
  useReportUsage,
  useStigg,
  useSubscription,
  type Entitlement,
  type FallbackEntitlement,
  type Plan,
  type StiggProviderProps,
  type Subscription,
  type SubscriptionStatus,
  type UseEntitlementResult,
  type UseSubscriptionResult,
  type UsageMeasurement,
} from 'react-stigg'
import type { StiggTestProviderProps, TestStigg } from 'react-stigg/testing'

// Type-only checks, compiled by `tsc --noEmit`; these functions never run.
export function entitlementTypes() {
  const result = useEntitlement('feature-x', { requestedUsage: 2, enabled: true, fallback: { hasAccess: true } })
  expectTypeOf(result).toEqualTypeOf<UseEntitlementResult>()
  expectTypeOf(result.entitlement).toEqualTypeOf<Entitlement | null>()
  expectTypeOf(result.hasAccess).toEqualTypeOf<boolean>()
  expectTypeOf(result.error).toEqualTypeOf<StiggError | null>()
  expectTypeOf(result.entitlement?.usagePeriodEnd).toEqualTypeOf<Date | null | undefined>()

  // @ts-expect-error a fallback must say whether access is granted
  useEntitlement('feature-x', { fallback: { usageLimit: 3 } })
  // @ts-expect-error requestedUsage is a number
  useEntitlement('feature-x', { requestedUsage: '1' })
  // @ts-expect-error the feature id is required
  useEntitlement()

  const many = useEntitlements(['a', 'b'])
  expectTypeOf(many.entitlements).toEqualTypeOf<Record<string, Entitlement>>()
  expectTypeOf(many.hasAccess).toEqualTypeOf<boolean>()
}

export function subscriptionTypes() {
  const { subscription, plan, status } = useSubscription()
  expectTypeOf(subscription).toEqualTypeOf<Subscription | null>()
  expectTypeOf(plan).toEqualTypeOf<Plan | null>()
  expectTypeOf(status).toEqualTypeOf<SubscriptionStatus | null>()
  expectTypeOf(useSubscription({ enabled: false })).toEqualTypeOf<UseSubscriptionResult>()
  // @ts-expect-error enabled is a boolean
  useSubscription({ enabled: 'no' })
}

export function usageTypes() {
  const report = useReportUsage()
  report.mutate({ featureId: 'feature-x', value: 1 })
  report.mutate({ featureId: 'feature-x', value: 1, idempotencyKey: 'k' })
  expectTypeOf(report.data).toEqualTypeOf<UsageMeasurement | undefined>()
  expectTypeOf(report.error).toEqualTypeOf<StiggError | null>()
  // @ts-expect-error value is required
  report.mutate({ featureId: 'feature-x' })
}

export function providerTypes() {
  expectTypeOf<StiggProviderProps['customerId']>().toEqualTypeOf<string | null>()
  expectTypeOf<StiggProviderProps['onError']>().toEqualTypeOf<((error: StiggError) => void) | undefined>()
  expectTypeOf<StiggProviderProps['fallbackEntitlements']>().toEqualTypeOf<Readonly<Record<string, FallbackEntitlement>> | undefined>()
  const stigg = useStigg()
  expectTypeOf(stigg.queryClient).toEqualTypeOf<QueryClient>()
  expectTypeOf(stigg.invalidate).returns.toEqualTypeOf<Promise<void>>()
  expectTypeOf(stiggKeys.entitlement('c', 'f')).toEqualTypeOf<readonly ['stigg', string | null, 'entitlement', string]>()
  expectTypeOf<TestStigg['setUsage']>().parameters.toEqualTypeOf<[featureId: string, value: number]>()
  expectTypeOf<StiggTestProviderProps['customerId']>().toEqualTypeOf<string | null | undefined>()
}
