/**
 * Figures as a reader writes them: 412.6亿 CNY, 7.8%, +2.1pp, and text fitted to a width in
 * terminal columns (CJK characters take two). Shared by the card and the corpus table.
 */
import type { Qualifier } from '../types.js';

export type StringWidth = (s: string) => number;

/** 约, 超, 不到, 不低于 as one-column marks. */
export const QUALIFIER_MARK: Record<Qualifier, string> = { approx: '≈', over: '>', under: '<', at_least: '≥' };

// six significant digits: 3.26667万, not 3.26666666667万
const trim = (n: number) => String(Number(n.toPrecision(6)));

/** A value in its unit, large amounts in 万 and 亿 as the articles write them. */
export function formatAmount(value: number, unit: string): string {
  const abs = Math.abs(value);
  if (unit === '%' || unit === 'pp' || unit === 'x') return `${trim(value)}${unit}`;
  const scaled = abs >= 1e8 ? `${trim(value / 1e8)}亿` : abs >= 1e4 ? `${trim(value / 1e4)}万` : trim(value);
  return `${scaled} ${unit === 'm2' ? 'm²' : unit}`;
}

/** A change with its sign: +7.8%, −3.5%, +2.1pp, ×2.5 (增长1.5倍 is 2.5 times the base). */
export function formatChange(metric: string, value: number, unit: string): string {
  if (metric === 'growth_multiple') return `×${trim(value + 1)}`;
  const sign = value < 0 ? '−' : '+';
  return `${sign}${trim(Math.abs(value))}${unit}`;
}

/** Text fitted to a width in columns: the table's helpers, shared. */
export { clip, pad } from './table.js';

/** Markdown table cell: pipes escaped, line breaks flattened. */
export function mdCell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\s*[\r\n]+\s*/g, ' ');
}
