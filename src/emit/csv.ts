/**
 * CSV: one row per metric, always these columns, in this order (documented in the README).
 * With --fields, the columns are file, id and the fields chosen (a span as its start and end).
 */
import { isErrorRecord, type Metric, type OutputRecord, type When } from '../types.js';
import type { MetricField } from './fields.js';

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
  const s = typeof v === 'object' ? JSON.stringify(v) : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The columns a field takes: a span is two (start, end), every other field one. */
const SPAN_COLUMNS: Partial<Record<MetricField, [string, string]>> = {
  span: ['start', 'end'],
  sentenceSpan: ['sentenceStart', 'sentenceEnd'],
};

export function csvHeader(fields: readonly MetricField[] | null = null): string {
  const columns = fields ? ['file', 'id', ...fields.flatMap((f) => SPAN_COLUMNS[f] ?? [f])] : CSV_COLUMNS;
  return `${columns.join(',')}\n`;
}

function defaultRow(m: Metric): unknown[] {
  return [
    m.kind, m.metric, m.value, m.unit, m.raw, m.text, m.span[0], m.span[1],
    m.label, m.period, m.qualifier, m.range, m.rule, m.sentence, m.zone, m.indicator, whenText(m.when), m.base,
  ];
}

function fieldsRow(m: Metric, fields: readonly MetricField[]): unknown[] {
  return fields.flatMap((f) => (SPAN_COLUMNS[f] ? (m[f] as [number, number]) : [f === 'when' ? whenText(m.when) : m[f]]));
}

export function csvRows(r: OutputRecord, fields: readonly MetricField[] | null = null): string {
  if (isErrorRecord(r)) return '';
  let out = '';
  for (const m of r.metrics) {
    const row = [r.file, r.id, ...(fields ? fieldsRow(m, fields) : [...defaultRow(m), r.published])];
    out += `${row.map(cell).join(',')}\n`;
  }
  return out;
}
