import type { GraphQLFormattedError } from 'graphql'
import { GraphQLClient } from 'graphql-request'
import {
  entitlementsDocument,
  provisionCustomerDocument,
  reportUsageDocument,
  subscriptionsDocument,
} from './documents'
import { StiggError } from './StiggError'
import { readEntitlementResults, type EntitlementResults } from './readEntitlementResults'
import { fromGraphQLErrors, toStiggError } from './toStiggError'
import type {
  EntitlementData,
  ProvisionCustomerParams,
  ProvisionCustomerResult,
  ReportUsageParams,
  SubscriptionData,
  UsageMeasurement,
} from './types'

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

/** The framework-free Stigg client: one method per operation the proxy allows. */
export interface StiggClient {
  readonly url: string
  /** One request per 100 features (more are split); never rejects for a single feature's error. */
  getEntitlements(customerId: string, featureIds: readonly string[]): Promise<EntitlementResults>
  getSubscriptions(customerId: string): Promise<SubscriptionData[]>
  reportUsage(customerId: string, params: ReportUsageParams): Promise<UsageMeasurement>
  provisionCustomer(customerId: string, params?: ProvisionCustomerParams): Promise<ProvisionCustomerResult>
}

export type { EntitlementResults }

/** The most aliases per entitlement request; the proxy's alias limit must allow it. */
export const maxEntitlementsPerRequest = 100

function resolveUrl(url: string): string {
  try {
    return new URL(url).href
  } catch {
    const base = (globalThis as { location?: { href: string } }).location?.href
    if (base === undefined) {
      throw new StiggError(
        `react-stigg: the url '${url}' is relative and there is no window.location to resolve it against (server side). Pass an absolute url when calling Stigg from the server.`,
        { code: 'INVALID_URL' },
      )
    }
    return new URL(url, base).href
  }
}

/**
 * Creates the client the hooks use; usable on its own (scripts, server code, tests).
 *
 * @example
 * const client = createStiggClient({ url: 'https://app.example.com/api/stigg' })
 * const results = await client.getEntitlements('customer-pro', ['feature-api-calls'])
 */
export function createStiggClient(options: StiggClientOptions): StiggClient {
  const { url, headers } = options
  let graphQLClient: GraphQLClient | undefined
  // Resolved lazily: a provider rendered on the server must not fail for a relative url it never calls.
  const gql = () =>
    (graphQLClient ??= new GraphQLClient(resolveUrl(url), {
      errorPolicy: 'all',
      ...(headers === undefined ? {} : { headers }),
      fetch: async (input, init) => {
        try {
          return await (options.fetch ?? globalThis.fetch)(input, init)
        } catch (cause) {
          const aborted = cause instanceof Error && cause.name === 'AbortError'
          throw new StiggError(`react-stigg: could not reach the Stigg endpoint ${url}: ${String(cause)}`, {
            code: aborted ? 'ABORTED' : 'NETWORK_ERROR',
            cause,
            retryable: !aborted,
          })
        }
      },
    }))

  async function run<T>(document: string, variables: Record<string, unknown>) {
    let response
    try {
      response = await gql().rawRequest<T>(document, variables)
    } catch (error) {
      throw toStiggError(error, url)
    }
    const errors = (response.errors ?? []) as readonly GraphQLFormattedError[]
    return { data: response.data as T | null | undefined, errors, status: response.status }
  }

  async function required<T>(document: string, variables: Record<string, unknown>, field: string): Promise<T> {
    const { data, errors, status } = await run<Record<string, T | null>>(document, variables)
    const value = data?.[field]
    if (errors.length > 0 || value == null) {
      if (errors.length > 0) throw fromGraphQLErrors(errors, status, field)
      throw new StiggError(`react-stigg: the Stigg endpoint ${url} answered ${field} without data.`, {
        code: 'BAD_RESPONSE',
        status,
      })
    }
    return value
  }

  async function entitlementChunk(customerId: string, featureIds: readonly string[]): Promise<EntitlementResults> {
    const variables: Record<string, unknown> = { customerId }
    featureIds.forEach((featureId, i) => (variables[`f${i}`] = featureId))
    const { data, errors, status } = await run<Record<string, EntitlementData | null>>(
      entitlementsDocument(featureIds.length),
      variables,
    )
    return readEntitlementResults(featureIds, data, errors, status, url)
  }

  return {
    url,
    async getEntitlements(customerId, featureIds) {
      const ids = [...new Set(featureIds)]
      const chunks: string[][] = []
      for (let i = 0; i < ids.length; i += maxEntitlementsPerRequest) chunks.push(ids.slice(i, i + maxEntitlementsPerRequest))
      const results = await Promise.all(chunks.map((chunk) => entitlementChunk(customerId, chunk)))
      return Object.assign({}, ...results) as EntitlementResults
    },
    async getSubscriptions(customerId) {
      return required<SubscriptionData[]>(subscriptionsDocument, { customerId }, 'customerSubscriptions')
    },
    async reportUsage(customerId, { featureId, value, idempotencyKey }) {
      if (!Number.isFinite(value)) {
        throw new StiggError(`react-stigg: reportUsage for '${featureId}' needs a finite number value, got ${String(value)}.`, {
          code: 'BAD_INPUT',
        })
      }
      const input = { customerId, featureId, value, ...(idempotencyKey === undefined ? {} : { idempotencyKey }) }
      return required<UsageMeasurement>(reportUsageDocument, { input }, 'reportUsage')
    },
    async provisionCustomer(customerId, params = {}) {
      return required<ProvisionCustomerResult>(provisionCustomerDocument, { input: { customerId, ...params } }, 'provisionCustomer')
    },
  }
}
