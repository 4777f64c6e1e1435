/**
 * The corpus table's rows, grouped here until the corpus accumulator of `summarize` replaces this
 * function: one row per zone × indicator × period, in the `SummaryRow` shape it will produce.
 *
 * A figure with no zone is grouped with its own article only (key `file`), so that two articles about
 * different zones are never reported as disagreeing. An `other` indicator falls back to the label.
 */
import type { ArticleResult, Metric, SummaryRow } from '../../types.js';

export function rowKey(m: Metric, file: string): Record<string, string | null> {
  const key: Record<string, string | null> = {
    zone: m.zone,
    indicator: m.indicator !== 'other' ? m.indicator : (m.label ?? m.metric),
    period: m.when ? `${m.when.from}..${m.when.to}` : m.period,
  };
  if (m.zone === null) key.file = file;
  return key;
}

/** Two stated values differ beyond the rounding of their written precision (30亿 vs 32亿, not 30亿 vs 30.2亿 written 30亿). */
function differ(a: number, b: number): boolean {
  return Math.abs(a - b) > 0.005 * Math.max(Math.abs(a), Math.abs(b));
}

export function rowsForReport(records: readonly ArticleResult[]): SummaryRow[] {
  const rows = new Map<string, SummaryRow>();
  for (const r of records) {
    for (const m of r.metrics) {
      const key = rowKey(m, r.file);
      const id = JSON.stringify([key, m.unit, m.kind === 'multiple' || m.kind === 'percent' ? m.metric : '']);
      let row = rows.get(id);
      if (!row) {
        row = { key, unit: m.unit, values: [], min: m.value, max: m.value, mentions: 0, articles: 0, conflict: false, sources: [] };
        rows.set(id, row);
      }
      row.mentions++;
      if (!row.sources.some((s) => s.file === r.file)) row.articles++;
      row.sources.push({ file: r.file, ...(r.id !== undefined ? { id: r.id } : {}), value: m.value, text: m.text, span: m.span, sentence: m.sentence });
      if (!row.values.includes(m.value)) row.values.push(m.value);
      row.min = Math.min(row.min, m.value);
      row.max = Math.max(row.max, m.value);
    }
  }
  for (const row of rows.values()) {
    row.values.sort((a, b) => a - b);
    const byFile = new Map<string, number[]>();
    for (const s of row.sources) byFile.set(s.file, [...(byFile.get(s.file) ?? []), s.value]);
    const files = [...byFile.values()];
    row.conflict = files.some((va, i) => files.slice(i + 1).some((vb) => va.some((a) => vb.some((b) => differ(a, b)))));
  }
  return [...rows.values()];
}
