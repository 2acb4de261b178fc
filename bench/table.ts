/** What a figure must reach; the benchmark reports against it and never adjusts it. */
export type Target = { max: number } | { exactly: number } | { minRatio: number } | { maxRatio: number } | { maxDelta: number }

export interface Row {
  figure: string
  /** Our figure; undefined when its section could not run. */
  ours: number | undefined
  /** A second figure shown with ours (p99 next to p50). */
  p99?: number | undefined
  /** What ours is compared with, measured in the same run. */
  anchor?: number | undefined
  ratio?: number | undefined
  delta?: number | undefined
  unit: string
  target?: Target
}

export type Verdict = 'PASS' | 'FAIL' | 'info'

export interface TableOutput {
  /** A Markdown table: readable in a terminal and pasteable into the README. */
  text: string
  verdicts: Array<{ figure: string; ours: number | null; target: string; verdict: Verdict }>
}

function format(value: number | undefined, unit: string): string {
  if (value === undefined || Number.isNaN(value)) return '—'
  if (unit === 'KB') return `${value.toFixed(1)} KB`
  if (unit === 'ms') return `${value.toFixed(2)} ms`
  if (unit === 'req/s') return `${Math.round(value).toLocaleString('en-US')} req/s`
  return `${value} ${unit}`
}

function targetText(target: Target | undefined, unit: string): string {
  if (target === undefined) return '—'
  if ('max' in target) return `≤ ${target.max} ${unit}`
  if ('exactly' in target) return `= ${target.exactly}`
  if ('minRatio' in target) return `ratio ≥ ${target.minRatio}×`
  if ('maxRatio' in target) return `ratio ≤ ${target.maxRatio}×`
  return `Δ ≤ ${target.maxDelta} ${unit}`
}

function verdictOf(row: Row): Verdict {
  const { target } = row
  if (target === undefined) return 'info'
  if ('max' in target) return row.ours !== undefined && row.ours <= target.max ? 'PASS' : 'FAIL'
  if ('exactly' in target) return row.ours === target.exactly ? 'PASS' : 'FAIL'
  if ('minRatio' in target) return row.ratio !== undefined && row.ratio >= target.minRatio ? 'PASS' : 'FAIL'
  if ('maxRatio' in target) return row.ratio !== undefined && row.ratio <= target.maxRatio ? 'PASS' : 'FAIL'
  return row.delta !== undefined && row.delta <= target.maxDelta ? 'PASS' : 'FAIL'
}

export function renderTable(rows: Row[]): TableOutput {
  const header = ['figure', 'ours', 'anchor', 'ratio / Δ', 'target', 'result']
  const cells = rows.map((row) => {
    const ours = row.p99 === undefined ? format(row.ours, row.unit) : `${format(row.ours, row.unit)} / ${format(row.p99, row.unit)}`
    const comparison =
      row.delta !== undefined
        ? `${row.delta >= 0 ? '+' : ''}${row.delta.toFixed(2)} ${row.unit}`
        : row.ratio !== undefined && !Number.isNaN(row.ratio)
          ? `${row.ratio.toFixed(2)}×`
          : '—'
    const verdict = verdictOf(row)
    return [row.figure, ours, row.anchor === undefined ? '—' : format(row.anchor, row.unit), comparison, targetText(row.target, row.unit), verdict]
  })
  const widths = header.map((title, i) => Math.max(title.length, ...cells.map((line) => line[i]!.length)))
  const line = (values: string[]) => `| ${values.map((value, i) => value.padEnd(widths[i]!)).join(' | ')} |`
  const text = [line(header), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...cells.map(line)].join('\n')
  return {
    text,
    verdicts: rows.map((row, i) => ({
      figure: row.figure,
      ours: row.ours ?? null,
      target: targetText(row.target, row.unit),
      verdict: cells[i]![5] as Verdict,
    })),
  }
}
