// One catalog file describes the demo's product: it seeds the dev server's emulator, the test
// kit and the Storybook story, and types demo/src/stigg.d.ts (codegen.test.ts checks that one).
import { readFileSync } from 'node:fs'
import { render, screen } from '@testing-library/react'
import { UsageMeter, useSubscription } from 'react-stigg'
import { validateCatalog } from 'react-stigg/emulator'
import { createTestStigg } from 'react-stigg/testing'
import { describe, expect, it } from 'vitest'

const catalog = validateCatalog(JSON.parse(readFileSync('demo/catalog.json', 'utf8')))

function Plan() {
  const { plan, status } = useSubscription()
  return <p>{plan ? `${plan.id} ${status}` : 'no plan'}</p>
}

describe('demo/catalog.json as the one product description', () => {
  it('seeds the test kit: its plans, limits and default plan', async () => {
    const stigg = createTestStigg({ catalog, subscription: { planId: 'plan-pro' } })
    expect(stigg.customerId).toBe('customer-test')
    render(
      <stigg.Provider>
        <Plan />
        <UsageMeter featureId="feature-seats" label="Seats" />
      </stigg.Provider>,
    )
    expect(await screen.findByText('plan-pro ACTIVE')).toBeInTheDocument()
    const seats = catalog.plans.find((plan) => plan.id === 'plan-pro')?.limits['feature-seats']
    expect(await screen.findByRole('meter', { name: 'Seats' })).toHaveAttribute('aria-valuemax', String(seats))

    const onDefault = createTestStigg({ catalog, customerId: 'customer-new' })
    expect(onDefault.emulator.admin.snapshot().customers['customer-new']?.subscriptions.at(-1)?.planId).toBe(catalog.defaultPlanId)
  })

  it('is what the demo\'s dev server and the Storybook story load', () => {
    expect(readFileSync('demo/vite.config.ts', 'utf8')).toMatch(/import demoCatalog from '\.\/catalog\.json'[\s\S]*catalog: validateCatalog\(demoCatalog\)/)
    expect(readFileSync('stories/StiggDevtools.stories.tsx', 'utf8')).toContain("from '../demo/catalog.json'")
  })
})
