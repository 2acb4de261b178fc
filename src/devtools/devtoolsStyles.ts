import type { CSSProperties } from 'react'

// Inline styles: the panel needs no stylesheet import and cannot clash with the app's CSS.
const font = 'ui-sans-serif, system-ui, sans-serif'

export const styles = {
  toggle: {
    position: 'fixed', right: 16, bottom: 16, zIndex: 2147483000, font: `600 13px ${font}`,
    padding: '8px 12px', borderRadius: 999, border: '1px solid #1e293b', background: '#0f172a', color: '#f8fafc', cursor: 'pointer',
  },
  panel: {
    position: 'fixed', right: 16, bottom: 64, zIndex: 2147483000, width: 'min(440px, calc(100vw - 32px))',
    maxHeight: 'calc(100vh - 96px)', overflow: 'auto', font: `13px/1.4 ${font}`, background: '#0f172a', color: '#e2e8f0',
    border: '1px solid #334155', borderRadius: 10, padding: 12, boxShadow: '0 12px 32px rgba(0,0,0,.35)',
  },
  header: { display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8 },
  heading: { margin: 0, fontSize: 14 },
  subheading: { margin: '12px 0 4px', fontSize: 12, textTransform: 'uppercase', letterSpacing: '.04em', color: '#94a3b8' },
  table: { width: '100%', borderCollapse: 'collapse', fontVariantNumeric: 'tabular-nums' },
  cell: { padding: '2px 4px', borderBottom: '1px solid #1e293b', textAlign: 'left' },
  row: { display: 'flex', flexWrap: 'wrap', gap: 6, alignItems: 'center', margin: '4px 0' },
  control: { font: `12px ${font}`, background: '#1e293b', color: '#f8fafc', border: '1px solid #475569', borderRadius: 6, padding: '3px 6px' },
  button: { font: `600 12px ${font}`, background: '#334155', color: '#f8fafc', border: '1px solid #64748b', borderRadius: 6, padding: '3px 8px', cursor: 'pointer' },
  error: { color: '#fca5a5', margin: '6px 0' },
  log: { margin: 0, paddingLeft: 18, maxHeight: 120, overflow: 'auto', color: '#cbd5e1' },
} satisfies Record<string, CSSProperties>
