/**
 * A table for people on a terminal: one block per input, one row per metric.
 * Widths are measured with string-width, so CJK text (two columns a character) lines up.
 */
import type { ChalkInstance } from 'chalk';
import { isErrorRecord, type ArticleResult, type Check, type OutputRecord } from '../types.js';
import { whenText } from './csv.js';

type StringWidth = (s: string) => number;

/**
 * The table emitter, with chalk and string-width loaded now: only table runs pay for them.
 * Colour when `color` is true (the CLI decides: a terminal, no --no-color, no NO_COLOR).
 */
export async function tableEmitter(color: boolean): Promise<(r: OutputRecord) => string> {
  const [{ default: stringWidth }, { Chalk }] = await Promise.all([import('string-width'), import('chalk')]);
  const chalk = new Chalk({ level: color ? 1 : 0 });
  return (r) => tableBlock(r, chalk, stringWidth);
}

const COLUMNS = ['metric', 'indicator', 'value', 'unit', 'text', 'label', 'period', 'when'] as const;
const MAX = { metric: 16, indicator: 22, value: 22, unit: 8, text: 16, label: 18, period: 12, when: 16 } as const;

export function clip(s: string, max: number, stringWidth: StringWidth): string {
  if (stringWidth(s) <= max) return s;
  let out = '';
  for (const ch of s) {
    if (stringWidth(out + ch) > max - 1) break;
    out += ch;
  }
  return `${out}…`;
}

export function pad(s: string, width: number, stringWidth: StringWidth): string {
  return s + ' '.repeat(Math.max(0, width - stringWidth(s)));
}

function formatValue(v: number): string {
  return Number.isInteger(v) ? v.toLocaleString('en-US') : String(v);
}

export function tableBlock(r: OutputRecord, chalk: ChalkInstance, stringWidth: StringWidth): string {
  if (isErrorRecord(r)) return `${chalk.red.bold(r.file)}  ${chalk.red(`${r.error.code}: ${r.error.message}`)}\n\n`;
  const dated = r.published ? `, published ${r.published}` : '';
  const head = `${chalk.bold(r.id ?? r.file)}  ${chalk.dim(`${r.script}, ${r.chars} chars, ${r.metrics.length} metrics${dated}`)}\n`;
  if (r.metrics.length === 0) return `${head}\n`;
  const rows = r.metrics.map((m) => ({
    metric: m.metric, indicator: m.indicator, value: formatValue(m.value), unit: m.unit, text: m.text,
    label: m.label ?? '', period: m.period ?? '', when: whenText(m.when) ?? '',
  }));
  const widths = Object.fromEntries(
    COLUMNS.map((c) => [c, Math.max(stringWidth(c), ...rows.map((row) => stringWidth(clip(row[c], MAX[c], stringWidth))))]),
  ) as Record<(typeof COLUMNS)[number], number>;
  const line = (cells: Record<(typeof COLUMNS)[number], string>, style: (s: string) => string = (s) => s) =>
    `  ${COLUMNS.map((c) => style(pad(clip(cells[c], MAX[c], stringWidth), widths[c], stringWidth))).join('  ')}`.trimEnd();
  const header = line(Object.fromEntries(COLUMNS.map((c) => [c, c])) as Record<(typeof COLUMNS)[number], string>, chalk.dim);
  // the zone once per run of figures that share it, not once per row
  let zone: string | null | undefined;
  const body = rows
    .map((row, i) => {
      const z = r.metrics[i]!.zone;
      const group = z === zone ? '' : `  ${chalk.cyan(`▸ ${z ?? '(no zone)'}`)}\n`;
      zone = z;
      return group + line(row);
    })
    .join('\n');
  return `${head}${header}\n${body}\n${checkLines(r, chalk)}\n`;
}

const CHECK_ORDER = { error: 0, warning: 1, info: 2 } as const;
const STATUS_ORDER = { inconsistent: 0, unverifiable: 1, consistent: 2 } as const;

/**
 * The checks, findings first (✗ error, ! warning), then ? unverifiable and ✓ consistent. Under a
 * finding, the sentence it reads, with the figures involved highlighted.
 */
function checkLines(r: ArticleResult, chalk: ChalkInstance): string {
  const sorted = [...r.checks].sort(
    (a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || CHECK_ORDER[a.severity] - CHECK_ORDER[b.severity],
  );
  const mark = (c: Check) =>
    c.status === 'consistent' ? chalk.green('✓') : c.status === 'unverifiable' ? chalk.dim('?') : c.severity === 'error' ? chalk.red('✗') : chalk.yellow('!');
  return sorted
    .map((c) => {
      const line = `  ${mark(c)} ${c.status === 'inconsistent' ? c.message : chalk.dim(c.message)}\n`;
      if (c.status !== 'inconsistent') return line;
      return `${line}${sentencesOf(r, c, chalk).map((s) => `      ${s}\n`).join('')}`;
    })
    .join('');
}

/** Each sentence a check reads, once, with its figures highlighted. */
function sentencesOf(r: ArticleResult, c: Check, chalk: ChalkInstance): string[] {
  const bySentence = new Map<number, { sentence: string; spans: Array<[number, number]> }>();
  for (const i of c.metrics) {
    const m = r.metrics[i];
    if (!m) continue;
    const at = m.sentenceSpan[0];
    const entry = bySentence.get(at) ?? { sentence: m.sentence, spans: [] };
    entry.spans.push([m.span[0] - at, m.span[1] - at]);
    bySentence.set(at, entry);
  }
  return [...bySentence.values()].map(({ sentence, spans }) => {
    let out = '';
    let pos = 0;
    for (const [a, b] of spans.sort((x, y) => x[0] - y[0])) {
      if (a < pos) continue;
      out += chalk.dim(sentence.slice(pos, a)) + chalk.bold.underline(sentence.slice(a, b));
      pos = b;
    }
    return out + chalk.dim(sentence.slice(pos));
  });
}
