import { GraphQLError, defaultFieldResolver, executeSync, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql'
import { seedEntitlement, seedMeasurement, seedPlans, seedProvision, seedSubscriptions } from './hostedToSeed'
import type { HostedCall, HostedRequest } from './translateToHosted'

type Json = Record<string, unknown>

const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value)

function seedValue(call: HostedCall, value: unknown, now: Date): unknown {
  switch (call.seedField) {
    case 'customerEntitlement':
      return seedEntitlement(value, String(call.args['featureId']))
    case 'customerSubscriptions':
      return seedSubscriptions(value, now)
    case 'plans':
      return seedPlans(value)
    case 'reportUsage':
      return seedMeasurement(value)
    case 'provisionCustomer':
      return seedProvision(value, now)
  }
}

/** An upstream error that belongs to no single seed field: message and code kept, hosted paths and locations dropped. */
function requestError(error: unknown, aliases: Map<string, string>): Json {
  const { message, path, extensions } = isRecord(error) ? error : { message: String(error), path: undefined, extensions: undefined }
  const seedAlias = Array.isArray(path) ? aliases.get(String(path[0])) : undefined
  return {
    message: typeof message === 'string' ? message : 'Stigg answered with an error.',
    ...(seedAlias === undefined ? {} : { path: [seedAlias, ...(path as unknown[]).slice(1)] }),
    ...(isRecord(extensions) ? { extensions } : {}),
  }
}

/**
 * Hosted Stigg's answer in the exact shape the browser's seed operation asked for: the seed
 * document is executed against the seed schema with each root field resolved from its hosted
 * counterpart, so aliases, fragments, `__typename` and selections come out as with a seed
 * upstream. A hosted error for a field becomes that field's error (its `extensions.code`
 * passed through untouched); errors that name no field are passed on as they came.
 */
export function mapHostedResponse(body: Json, request: HostedRequest, schema: GraphQLSchema, variables: Json, now: Date): Json {
  const errors: unknown[] = Array.isArray(body['errors']) ? body['errors'] : []
  const aliases = new Map(request.calls.map((call) => [call.hostedAlias, call.seedAlias]))
  const data = body['data']
  if (!isRecord(data)) {
    // The whole hosted request failed: its root fields are non-null, so one failing check
    // nulls the whole batch. The others get a path-less error, so none reads as "no answer".
    const mapped = errors.map((error) => requestError(error, aliases))
    const named = new Set(mapped.map((error) => (Array.isArray(error['path']) ? error['path'][0] : undefined)))
    if (mapped.length > 0 && !named.has(undefined) && request.calls.some((call) => !named.has(call.seedAlias))) {
      mapped.push({
        message: `Stigg answered no data for this batch because another field failed: ${String(mapped[0]?.['message'])}`,
        extensions: { code: 'UPSTREAM_ERROR' },
      })
    }
    return { errors: mapped, ...('data' in body ? { data: null } : {}) }
  }

  const byAlias = new Map<string, Json>()
  const unmatched: Json[] = []
  for (const error of errors) {
    const key = isRecord(error) && Array.isArray(error['path']) ? String(error['path'][0]) : undefined
    if (key !== undefined && aliases.has(key) && !byAlias.has(key)) byAlias.set(key, error as Json)
    else if (key === undefined || !aliases.has(key)) unmatched.push(requestError(error, aliases))
  }

  const results = new Map<string, unknown>()
  for (const call of request.calls) {
    const error = byAlias.get(call.hostedAlias)
    results.set(
      call.seedAlias,
      error
        ? new GraphQLError(typeof error['message'] === 'string' ? error['message'] : 'Stigg answered with an error.', {
            extensions: isRecord(error['extensions']) ? error['extensions'] : {},
          })
        : seedValue(call, data[call.hostedAlias], now),
    )
  }

  // The compiled projection answers the common shapes; anything it cannot answer exactly is executed.
  const projected = request.project?.(results)
  if (projected !== undefined) return unmatched.length > 0 ? { errors: unmatched, data: projected } : { data: projected }

  const fieldResolver: GraphQLFieldResolver<unknown, unknown> = (source, args, context, info) => {
    if (info.path.prev !== undefined) return defaultFieldResolver(source, args, context, info)
    const value = results.get(String(info.path.key))
    if (value instanceof Error) throw value
    return value
  }
  const result = executeSync({
    schema,
    document: request.document,
    operationName: request.operation.name?.value,
    variableValues: variables,
    fieldResolver,
  })
  const allErrors = [...(result.errors ?? []).map((error) => error.toJSON()), ...unmatched]
  return allErrors.length > 0 ? { errors: allErrors, data: result.data ?? null } : { data: result.data ?? null }
}
