/** One row of README's SDK-method table: what a Stigg SDK method answered against the emulator. */
export interface MethodRow {
  sdk: 'Node' | 'Browser'
  method: string
  scenario: string
  /** The answer, summarised; the conformance tests assert the SDK's actual answer summarises to exactly this. */
  result: string
}

/** A row plus how to get and summarise the SDK's answer. */
export interface MethodCase<Sdk> extends MethodRow {
  run(sdk: Sdk): Promise<string>
}

export const tableStart = '<!-- sdk-method-table:start (generated from test/conformance; checked by test/conformance/readmeTable.test.ts) -->'
export const tableEnd = '<!-- sdk-method-table:end -->'

/** The Markdown table README carries between the markers. */
export function renderMethodTable(rows: readonly MethodRow[]): string {
  const lines = ['| SDK | method | scenario | result against the emulator |', '|---|---|---|---|']
  for (const row of rows) lines.push(`| ${row.sdk} | \`${row.method}\` | ${row.scenario} | ${row.result} |`)
  return [tableStart, ...lines, tableEnd].join('\n')
}

/** Access in one phrase: `granted`, or `denied (Reason)`; an SDK fallback says so, so it can never pass for the emulator's answer. */
export function access(entitlement: { hasAccess: boolean; accessDeniedReason?: string | null | undefined; isFallback?: boolean }): string {
  const decision = entitlement.hasAccess ? 'granted' : `denied (${entitlement.accessDeniedReason ?? 'no reason'})`
  return entitlement.isFallback ? `${decision} from the SDK's fallback` : decision
}
