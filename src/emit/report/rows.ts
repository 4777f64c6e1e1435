/**
 * The corpus table's rows: the summarize accumulator grouped by zone × indicator × when, so the
 * report and `zonefacts summarize` agree on every row and every conflict.
 */
import { CorpusSummary, type SummaryField } from '../../summarize/corpus.js';
import type { ArticleResult, SummaryRow } from '../../types.js';

export const REPORT_BY: readonly SummaryField[] = ['zone', 'indicator', 'when'];

export function rowsForReport(records: readonly ArticleResult[]): SummaryRow[] {
  const summary = new CorpusSummary({ by: REPORT_BY });
  for (const r of records) summary.add(r);
  return summary.rows();
}

/** A row's period for display and charts: a whole year as `2023`, else the month range, else the words. */
export function periodOf(row: SummaryRow): string | null {
  const when = row.key.when;
  if (!when) return row.key.period ?? null;
  const m = /^(\d{4})-01\.\.(\d{4})-12$/.exec(when);
  return m && m[1] === m[2] ? m[1]! : when;
}

/** A row that names a zone and an indicator: what a chart can put on an axis. */
export const isPlaced = (row: SummaryRow) => row.key.zone != null && row.key.indicator != null && row.key.indicator !== 'other';
