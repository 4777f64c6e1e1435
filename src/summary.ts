/**
 * A corpus summary: what a batch run read, what it found and what failed.
 */
import { isErrorRecord, type OutputRecord } from './types.js';

export interface Summary {
  inputs: number;
  ok: number;
  failed: number;
  chars: number;
  metrics: number;
  byKind: Record<string, number>;
  byMetric: Record<string, number>;
  byScript: Record<string, number>;
  checks: Record<string, number>;
  errors: Record<string, number>;
  warnings: number;
}

export function emptySummary(): Summary {
  return { inputs: 0, ok: 0, failed: 0, chars: 0, metrics: 0, byKind: {}, byMetric: {}, byScript: {}, checks: {}, errors: {}, warnings: 0 };
}

const bump = (map: Record<string, number>, key: string) => {
  map[key] = (map[key] ?? 0) + 1;
};

/** Adds one record to a running summary (so a batch never holds its records to summarize them). */
export function addToSummary(s: Summary, r: OutputRecord): Summary {
  s.inputs++;
  if (isErrorRecord(r)) {
    s.failed++;
    bump(s.errors, r.error.code);
    return s;
  }
  s.ok++;
  s.chars += r.chars;
  s.metrics += r.metrics.length;
  s.warnings += r.warnings?.length ?? 0;
  bump(s.byScript, r.script);
  for (const m of r.metrics) {
    bump(s.byKind, m.kind);
    bump(s.byMetric, m.metric);
  }
  // only findings count: a consistent or unverifiable relation never fails a run
  for (const c of r.checks) if (c.status === 'inconsistent') bump(s.checks, c.severity);
  return s;
}

export function summarize(records: Iterable<OutputRecord>): Summary {
  const s = emptySummary();
  for (const r of records) addToSummary(s, r);
  return s;
}
