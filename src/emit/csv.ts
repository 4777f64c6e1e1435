/**
 * CSV: one row per metric, always these columns, in this order (documented in the README).
 * With --fields, the columns are file, id and the fields chosen (a span as its start and end).
 */
import { isErrorRecord, type Metric, type OutputRecord } from '../types.js';
import type { MetricField } from './fields.js';

export const CSV_COLUMNS = [
  'file', 'id', 'kind', 'metric', 'value', 'unit', 'raw', 'text', 'start', 'end',
  'label', 'period', 'qualifier', 'range', 'rule', 'sentence',
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
    m.label, m.period, m.qualifier, m.range, m.rule, m.sentence,
  ];
}

function fieldsRow(m: Metric, fields: readonly MetricField[]): unknown[] {
  return fields.flatMap((f) => (SPAN_COLUMNS[f] ? (m[f] as [number, number]) : [m[f]]));
}

export function csvRows(r: OutputRecord, fields: readonly MetricField[] | null = null): string {
  if (isErrorRecord(r)) return '';
  let out = '';
  for (const m of r.metrics) {
    const row = [r.file, r.id, ...(fields ? fieldsRow(m, fields) : defaultRow(m))];
    out += `${row.map(cell).join(',')}\n`;
  }
  return out;
}
