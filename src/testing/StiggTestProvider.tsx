import { useState, type ReactNode } from 'react'
import { createTestStigg, type CreateTestStiggOptions, type TestStiggProviderProps } from './createTestStigg'

/** Props of {@link StiggTestProvider}. */
export interface StiggTestProviderProps extends Omit<CreateTestStiggOptions, 'customerId'>, Omit<TestStiggProviderProps, 'customerId'> {
  /** @default 'customer-test' with `entitlements`, else 'customer-pro' (a seeded demo customer); null signs out */
  customerId?: string | null
  children?: ReactNode
}

/**
 * Renders children against an in-process emulator holding exactly the given state. The
 * state is read once, at mount; use {@link createTestStigg} to change it mid-test.
 *
 * @example
 * render(
 *   <StiggTestProvider entitlements={{ 'feature-x': { usageLimit: 10, currentUsage: 3 }, 'feature-z': {} }}>
 *     <Dashboard />
 *   </StiggTestProvider>,
 * )
 */
export function StiggTestProvider({ children, customerId, entitlements, subscription, locale, queryClient, ...rest }: StiggTestProviderProps) {
  const [stigg] = useState(() =>
    createTestStigg({
      ...(typeof customerId === 'string' ? { customerId } : {}),
      ...(entitlements === undefined ? {} : { entitlements }),
      ...(subscription === undefined ? {} : { subscription }),
      ...(locale === undefined ? {} : { locale }),
      ...(queryClient === undefined ? {} : { queryClient }),
    }),
  )
  return (
    <stigg.Provider {...rest} {...(customerId === null ? { customerId: null } : {})}>
      {children}
    </stigg.Provider>
  )
}
