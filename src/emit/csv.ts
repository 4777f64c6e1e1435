/**
 * CSV: one row per metric, always these columns, in this order (documented in the README).
 */
import { isErrorRecord, type OutputRecord, type When } from '../types.js';

/** A month range as one cell: 2023-01..2023-09. */
export function whenText(w: When | null | undefined): string | null {
  return w ? `${w.from}..${w.to}` : null;
}

export const CSV_COLUMNS = [
  'file', 'id', 'kind', 'metric', 'value', 'unit', 'raw', 'text', 'start', 'end',
  'label', 'period', 'qualifier', 'range', 'rule', 'sentence', 'zone', 'indicator', 'when', 'base', 'published',
] as const;

function cell(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvHeader(): string {
  return `${CSV_COLUMNS.join(',')}\n`;
}

export function csvRows(r: OutputRecord): string {
  if (isErrorRecord(r)) return '';
  let out = '';
  for (const m of r.metrics) {
    const row = [
      r.file, r.id, m.kind, m.metric, m.value, m.unit, m.raw, m.text, m.span[0], m.span[1],
      m.label, m.period, m.qualifier, m.range, m.rule, m.sentence, m.zone, m.indicator, whenText(m.when), m.base, r.published,
    ];
    out += `${row.map(cell).join(',')}\n`;
  }
  return out;
}
