import { entitlementsDocument, subscriptionsDocument } from './documents'
import { postGraphQL } from './postGraphQL'
import { readEntitlementResults, type EntitlementResults } from './readEntitlementResults'
import { StiggError } from './StiggError'
import { toStiggError } from './toStiggError'
import type { EntitlementData, SubscriptionData } from './types'

/** Options of {@link createStiggClient}. */
export interface StiggClientOptions {
  /** The app's Stigg proxy endpoint. Relative urls resolve against `window.location`. */
  url: string
  /** Sent with every request; a function is called per request (fresh tokens). */
  headers?: HeadersInit | (() => HeadersInit)
  /**
   * The fetch to use.
   * @default globalThis.fetch
   */
  fetch?: typeof fetch
}

/** Per-call options of a {@link StiggClient} method. */
export interface StiggRequestOptions {
  /** Aborts the request; it then rejects with a `StiggError` of code `ABORTED`. */
  signal?: AbortSignal
  /** `getEntitlements` only: the customer's resource (workspace, project) to scope the entitlements to. */
  resourceId?: string | null
}

/** The framework-free Stigg client: one method per operation the proxy allows. */
export interface StiggClient {
  readonly url: string
  /** One request per 100 features (more are split); never rejects for a single feature's error. */
  getEntitlements(customerId: string, featureIds: readonly string[], options?: StiggRequestOptions): Promise<EntitlementResults>
  getSubscriptions(customerId: string, options?: StiggRequestOptions): Promise<SubscriptionData[]>
  /**
   * Sends one operation and resolves with its root `field`; rejects with a {@link StiggError} for
   * GraphQL errors or a missing field. Mutations (usage reports, provisioning) go through it from their
   * own modules, so an app that never sends them does not ship their documents.
   * @example client.request<ProvisionCustomerResult>(provisionCustomerDocument, { input }, 'provisionCustomer')
   */
  request<T>(document: string, variables: Record<string, unknown>, field: string, options?: StiggRequestOptions): Promise<T>
}

export type { EntitlementResults }

/** The most aliases per entitlement request; the proxy's alias limit must allow it. */
export const maxEntitlementsPerRequest = 100

/**
 * Creates the client the hooks use; usable on its own (scripts, server code, tests). It speaks
 * GraphQL over HTTP with `fetch` alone: no GraphQL library reaches the browser bundle.
 *
 * @example
 * const client = createStiggClient({ url: 'https://app.example.com/api/stigg' })
 * const results = await client.getEntitlements('customer-pro', ['feature-api-calls'])
 */
export function createStiggClient(options: StiggClientOptions): StiggClient {
  const { url } = options
  const post = <T>(query: string, variables: Record<string, unknown>, request?: StiggRequestOptions) =>
    postGraphQL<T>(options, query, variables, request?.signal)

  async function required<T>(
    query: string,
    variables: Record<string, unknown>,
    field: string,
    request?: StiggRequestOptions,
  ): Promise<T> {
    const { data, errors, status } = await post<Record<string, T | null>>(query, variables, request)
    const value = data?.[field]
    if (errors.length > 0) throw toStiggError(errors, status, field)
    if (value == null) {
      throw new StiggError(process.env.NODE_ENV !== 'production' ? `react-stigg: ${url} answered ${field} without data` : '', {
        code: 'BAD_RESPONSE',
        status,
      })
    }
    return value
  }

  async function entitlementChunk(customerId: string, featureIds: readonly string[], request?: StiggRequestOptions) {
    const resourceId = request?.resourceId
    const variables: Record<string, unknown> = resourceId ? { customerId, resourceId } : { customerId }
    featureIds.forEach((featureId, i) => (variables[`f${i}`] = featureId))
    const { data, errors, status } = await post<Record<string, EntitlementData | null>>(
      entitlementsDocument(featureIds.length, !!resourceId),
      variables,
      request,
    )
    return readEntitlementResults(featureIds, data, errors, status, url)
  }

  return {
    url,
    async getEntitlements(customerId, featureIds, request) {
      const ids = [...new Set(featureIds)]
      const chunks: Array<Promise<EntitlementResults>> = []
      for (let i = 0; i < ids.length; i += maxEntitlementsPerRequest) {
        chunks.push(entitlementChunk(customerId, ids.slice(i, i + maxEntitlementsPerRequest), request))
      }
      return Object.assign({}, ...(await Promise.all(chunks))) as EntitlementResults
    },
    getSubscriptions: (customerId, request) =>
      required<SubscriptionData[]>(subscriptionsDocument, { customerId }, 'customerSubscriptions', request),
    request: required,
  }
}
