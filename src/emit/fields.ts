/**
 * `--fields kind,value,unit,…`: what each metric carries, for pipelines that want lean rows.
 * The record around the metrics (file, id, script, chars, checks…) is unchanged.
 */
import { isErrorRecord, type Metric, type OutputRecord } from '../types.js';

/** Every field a metric can carry, in output order (README, "Output schema"). */
export const METRIC_FIELDS = [
  'kind', 'metric', 'value', 'unit', 'raw', 'text', 'span', 'sentence', 'sentenceSpan', 'sentenceTruncated',
  'label', 'period', 'qualifier', 'range', 'rule', 'zone', 'indicator', 'indicatorName', 'when', 'base',
] as const satisfies ReadonlyArray<keyof Metric>;

export type MetricField = (typeof METRIC_FIELDS)[number];

/** `kind,value,unit` → the fields in the order given; throws with the valid names on an unknown one. */
export function parseFields(list: string): MetricField[] {
  const fields = list.split(',').map((f) => f.trim()).filter(Boolean);
  const unknown = fields.filter((f) => !(METRIC_FIELDS as readonly string[]).includes(f));
  if (fields.length === 0 || unknown.length > 0) {
    const what = unknown.length > 0 ? `unknown field${unknown.length > 1 ? 's' : ''} ${unknown.map((f) => `"${f}"`).join(', ')}` : 'no field named';
    throw new Error(`${what}; valid fields: ${METRIC_FIELDS.join(', ')}`);
  }
  return [...new Set(fields)] as MetricField[];
}

/** The metric with only the chosen fields (a field the metric lacks, such as sentenceTruncated, is left out). */
export function pickFields(m: Metric, fields: readonly MetricField[]): Partial<Metric> {
  const out: Record<string, unknown> = {};
  for (const f of fields) if (m[f] !== undefined) out[f] = m[f];
  return out as Partial<Metric>;
}

/** The record with each metric cut down to `fields`; null fields means all of them. */
export function projectRecord(r: OutputRecord, fields: readonly MetricField[] | null): OutputRecord {
  if (!fields || isErrorRecord(r)) return r;
  return { ...r, metrics: r.metrics.map((m) => pickFields(m, fields) as Metric) };
}
