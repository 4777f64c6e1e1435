/**
 * A corpus summary as a terminal table (fitted to the width, conflicts spelled out under their
 * row), CSV (a header row; `excel`: a UTF-8 BOM and formula-like cells guarded), Markdown, and
 * JSON (the mergeable state with its rows: a partial summary for `--merge`).
 */
import type { ChalkInstance } from 'chalk';
import type { CorpusSummary } from '../summarize/corpus.js';
import type { SummaryRow, SummarySource } from '../types.js';
import { clip, formatAmount, mdCell, pad, type StringWidth } from './figure.js';

/** The values of a row: one, a few, or their range. */
export function rowValues(r: SummaryRow): string {
  const change = r.measure === 'change';
  const one = (v: number) => (change && v > 0 ? '+' : '') + formatAmount(v, r.unit);
  if (r.values.length === 1) return one(r.values[0]!);
  if (r.values.length <= 3) return r.values.map(one).join(' / ');
  return `${one(r.min)} … ${one(r.max)} (${r.values.length} values)`;
}

/** The articles a row comes from, distinct, in order. */
export function rowFiles(r: SummaryRow): string[] {
  return [...new Set(r.sources.map((s) => (s.id !== undefined && s.id !== s.file ? `${s.file}#${s.id}` : s.file)))];
}

const COUNT_COLUMNS = ['values', 'mentions', 'articles', 'sources'] as const;

/** 2024-01..2024-12 as 2024, 2024-01..2024-09 as 2024-01..09: for reading; the key keeps the full form. */
export function shortWhen(when: string): string {
  const m = /^(\d{4})-(\d{2})\.\.(\d{4})-(\d{2})$/.exec(when);
  if (!m || m[1] !== m[3]) return when;
  if (m[2] === '01' && m[4] === '12') return m[1]!;
  return m[2] === m[4] ? `${m[1]}-${m[2]}` : `${m[1]}-${m[2]}..${m[4]}`;
}

function keyCell(field: string, value: string | null | undefined): string {
  if (value == null) return '—';
  return field === 'when' ? shortWhen(value) : value;
}

function cells(by: readonly string[], r: SummaryRow): string[] {
  const files = rowFiles(r);
  const sources = files.length > 2 ? `${files.slice(0, 2).join(', ')} +${files.length - 2}` : files.join(', ');
  return [...by.map((f) => keyCell(f, r.key[f])), rowValues(r), String(r.mentions), String(r.articles), sources];
}

export interface TableLayout {
  width?: number;
}

export function corpusTable(s: CorpusSummary, rows: SummaryRow[], chalk: ChalkInstance, width: StringWidth, layout: TableLayout = {}): string {
  const cols = Math.max(60, layout.width ?? 100);
  const header = [...s.by, ...COUNT_COLUMNS];
  const body = rows.map((r) => cells(s.by, r));
  const widths = header.map((h, i) => Math.max(width(h), ...body.map((row) => width(row[i]!))));
  // narrow to fit (two spaces between columns, two before): the sources first, then the widest
  const total = () => widths.reduce((a, b) => a + b, 0) + 2 * widths.length + 2;
  const last = widths.length - 1;
  while (total() > cols && widths[last]! > 16) widths[last]!--;
  while (total() > cols) {
    const i = widths.indexOf(Math.max(...widths));
    if (widths[i]! <= 4) break;
    widths[i]!--;
  }
  const line = (row: string[]) => `  ${row.map((c, i) => pad(clip(c, widths[i]!, width), widths[i]!, width)).join('  ')}`.trimEnd();
  const out: string[] = [chalk.dim(line(header))];
  rows.forEach((r, i) => {
    // the first key once per group, as in a printed table
    const row = i > 0 && body[i - 1]![0] === body[i]![0] ? ['', ...body[i]!.slice(1)] : body[i]!;
    out.push(r.conflict ? chalk.red(line(row)) : line(row));
    if (!r.conflict) return;
    for (const src of r.sources) {
      const where = src.id !== undefined && src.id !== src.file ? `${src.file}#${src.id}` : src.file;
      out.push(clip(`    ${chalk.red('≠')} ${src.text}  ${where}  ${chalk.dim(around(src))}`, cols, width));
    }
  });
  out.push(chalk.dim(summaryLine(s, rows)));
  for (const names of s.duplicates()) out.push(chalk.dim(`  repost, counted once: ${names.join(' = ')}`));
  return `${out.join('\n')}\n`;
}

/** The words around a figure in its sentence: …完成固定资产投资74.3亿元，同比增长5.6%。 */
export function around(src: SummarySource, before = 12, after = 8): string {
  const at = src.span[0] - (src.sentenceSpan?.[0] ?? src.span[0]);
  if (!src.sentenceSpan || at < 0 || at > src.sentence.length) return src.sentence.trim();
  const from = Math.max(0, at - before);
  const to = Math.min(src.sentence.length, at + src.text.length + after);
  return `${from > 0 ? '…' : ''}${src.sentence.slice(from, to).trim()}${to < src.sentence.length ? '…' : ''}`;
}

function summaryLine(s: CorpusSummary, rows: SummaryRow[]): string {
  const conflicts = rows.filter((r) => r.conflict).length;
  const reposts = s.duplicates().reduce((n, names) => n + names.length - 1, 0);
  return `${rows.length} row${rows.length === 1 ? '' : 's'} from ${s.articles} article${s.articles === 1 ? '' : 's'}` +
    `${reposts ? `, ${reposts} repost${reposts === 1 ? '' : 's'} counted once` : ''}, ${conflicts} conflict${conflicts === 1 ? '' : 's'}`;
}

/** CSV columns after the grouping fields. */
export const CORPUS_CSV_COLUMNS = ['measure', 'unit', 'values', 'min', 'max', 'mentions', 'articles', 'conflict', 'files'] as const;

/** Cells Excel would run as a formula (=, +, -, @, or a tab or CR first) get a leading '; plain numbers stay numbers. */
function guard(s: string): string {
  return /^[=+\-@\t\r]/.test(s) && !/^[+-]?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(s) ? `'${s}` : s;
}

export function corpusCsv(s: CorpusSummary, rows: SummaryRow[], options: { excel?: boolean } = {}): string {
  const cell = (v: unknown) => {
    let t = v === null || v === undefined ? '' : String(v);
    if (options.excel) t = guard(t);
    return /[",\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
  };
  const lines = [[...s.by, ...CORPUS_CSV_COLUMNS].map(cell).join(',')];
  for (const r of rows) {
    const row = [...s.by.map((f) => r.key[f]), r.measure, r.unit, r.values.join(';'), r.min, r.max, r.mentions, r.articles, r.conflict, rowFiles(r).join(';')];
    lines.push(row.map(cell).join(','));
  }
  // Excel reads a CSV without a BOM in the locale's code page and garbles Chinese
  return `${options.excel ? '\ufeff' : ''}${lines.join('\n')}\n`;
}

export function corpusMarkdown(s: CorpusSummary, rows: SummaryRow[]): string {
  const header = [...s.by, ...COUNT_COLUMNS, 'conflict'];
  const out = [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`];
  for (const r of rows) out.push(`| ${[...cells(s.by, r), r.conflict ? '**conflict**' : ''].map(mdCell).join(' | ')} |`);
  out.push('', summaryLine(s, rows));
  const conflicts = rows.filter((r) => r.conflict);
  if (conflicts.length) {
    out.push('', '**Conflicts**', '');
    for (const r of conflicts) {
      out.push(`- ${s.by.map((f) => keyCell(f, r.key[f])).join(' · ')}`);
      for (const src of r.sources) out.push(`  - ${mdCell(src.text)} in ${src.file}${src.id !== undefined && src.id !== src.file ? `#${src.id}` : ''}: ${mdCell(around(src, 30, 20))}`);
    }
  }
  const dups = s.duplicates();
  if (dups.length) out.push('', '**Reposts, counted once**', '', ...dups.map((names) => `- ${names.join(' = ')}`));
  return `${out.join('\n')}\n`;
}

/** The mergeable state, with its rows and reposts for readers (`fromJSON` ignores those). */
export function corpusJson(s: CorpusSummary, rows: SummaryRow[]): string {
  return `${JSON.stringify({ ...s.toJSON(), duplicates: s.duplicates(), rows }, null, 2)}\n`;
}
