import { readFileSync } from 'node:fs'
import { getOperationAST, print } from 'graphql'
import { createEmulator } from 'react-stigg/emulator'
import { describe, expect, it } from 'vitest'
import { hostedSdlModule } from '../../scripts/hostedSdlModule'
import { browserSdkClient, nodeSdkClient } from '../../scripts/readStiggClient'

/** The operations of the areas the emulator models (issue 12): what Stigg's SDKs send for them. */
const areas: Record<string, string[]> = {
  'SDK configuration': ['GetSdkConfiguration'],
  entitlements: ['GetEntitlement', 'GetEntitlements', 'GetEntitlementsState'],
  usage: ['ReportUsage', 'ReportUsageBulk', 'ReportEvent'],
  customers: ['GetCustomerById', 'ProvisionCustomer'],
  subscriptions: ['GetActiveSubscriptions', 'GetActiveSubscriptionsList', 'GetSubscription', 'GetSubscriptions', 'ProvisionSubscription', 'CancelSubscription'],
  catalog: ['GetPaywall', 'GetProducts'],
}
const inAreas = new Set(Object.values(areas).flat())

const emulator = createEmulator({ apiKey: 'k' })

/** Validation through the emulator's own HTTP answer: only a GRAPHQL_VALIDATION_FAILED means the schema rejects the document. */
async function validationErrors(query: string): Promise<string[]> {
  const response = await emulator.fetch(
    new Request('http://emulator.test/hosted/graphql', { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': 'k' }, body: JSON.stringify({ query }) }),
  )
  const body = (await response.json()) as { errors?: Array<{ message: string; extensions?: { code?: string } }> }
  return (body.errors ?? []).filter((error) => error.extensions?.code === 'GRAPHQL_VALIDATION_FAILED').map((error) => error.message)
}

describe("the emulator's hosted schema and Stigg's published clients", () => {
  it('serves every document the SDKs send for the emulated areas', async () => {
    let total = 0
    const failures: string[] = []
    for (const client of [nodeSdkClient(), browserSdkClient()]) {
      for (const document of client.documents.values()) {
        const name = getOperationAST(document)?.name?.value ?? ''
        if (!inAreas.has(name)) continue
        total++
        const errors = await validationErrors(print(document))
        if (errors.length > 0) failures.push(`${client.label} ${name}: ${errors.join('; ')}`)
      }
    }
    console.log(`${total - failures.length} of ${total} documents validate (the emulated areas, both Stigg clients)`)
    expect(failures).toEqual([])
    expect(total).toBeGreaterThanOrEqual(30)
  })

  it('validates every other document of both clients too (they answer "not emulated" when run)', async () => {
    let total = 0
    let valid = 0
    for (const client of [nodeSdkClient(), browserSdkClient()]) {
      for (const document of client.documents.values()) {
        total++
        if ((await validationErrors(print(document))).length === 0) valid++
      }
    }
    console.log(`${valid} of ${total} documents validate (all of sdk.js, both Stigg clients)`)
    expect(valid).toBe(total)
  })

  it('is up to date with the installed clients (npm run hosted-schema)', () => {
    const committed = readFileSync(new URL('../../src/emulator/schema/hosted/hostedSdl.ts', import.meta.url), 'utf8')
    expect(committed === hostedSdlModule().text, 'src/emulator/schema/hosted/hostedSdl.ts is stale: run `npm run hosted-schema`').toBe(true)
  })
})
