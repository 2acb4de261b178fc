import StiggModule from '@stigg/js-client-sdk'
const Stigg = (StiggModule as any).default ?? (StiggModule as any).Stigg ?? StiggModule
import { startEmulator } from 'react-stigg/emulator'
import { it } from 'vitest'
it('browser sdk', async () => {
  const running = await startEmulator({ apiKey: 'k' })
  const base = running.hostedUrl.replace(/\/graphql$/, '')
  const show = async (label: string, f: () => unknown) => { try { console.log(label, JSON.stringify(await f()).slice(0, 300)) } catch (e) { console.log(label, 'ERR', (e as Error).message.slice(0, 400)) } }
  const stigg = Stigg.initialize({ apiKey: 'k', baseUri: base, enableEdge: false, customerId: 'customer-pro', useEntitlementPolling: false, logConfiguration: { logLevel: 'error' } } as any)
  await show('init', () => stigg.waitForInitialization().then(() => 'ok'))
  await show('metered', () => stigg.getMeteredEntitlement({ featureId: 'feature-api-calls' }))
  await show('numeric', () => stigg.getNumericEntitlement({ featureId: 'feature-projects' }))
  await show('customer', () => stigg.getCustomer())
  await show('active', () => stigg.getActiveSubscriptions())
  await show('list', () => stigg.getActiveSubscriptionsList())
  await show('sub', () => stigg.getSubscription({ subscriptionId: 'subscription-customer-pro' }))
  await show('paywall', () => stigg.getPaywall())
  await show('ents', () => stigg.getEntitlements())
  await stigg.setCustomerId('nobody')
  await show('unknown', () => stigg.getBooleanEntitlement({ featureId: 'feature-analytics' }))
  console.log(running.emulator.requests.map(r => r.operationName).join(' '))
  await running.close()
}, 30000)
