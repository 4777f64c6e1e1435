/**
 * Finds "from A to B" statements (生产总值从33.98亿元增至149亿元, 由81%增至90%) and the figure
 * that reports the change right after them (增长了3.4倍, 增长9.4%, 提高9个百分点).
 */
import { FALL_WORDS, RISE_WORDS } from '../extract/lexicon.js';
import { alternation } from '../extract/rule.js';
import type { Metric } from '../types.js';
import { sameQuantity } from './figures.js';

export interface Change {
  from: number;
  to: number;
  /** Index of the figure right after B in the same sentence, if any. */
  reported: number | null;
}

/** 从33.98亿元, 由81%, 从2019年的12.4亿元 */
const FROM_BEFORE = /[从由](?:[^，,；;。]{0,10}?的)?\s*$/;
const TO_BETWEEN =
  /^(?:[^，,；;。]{0,12}?)(?:增至|增长至|增加至|提高至|提升至|扩大至|上升至|降至|下降至|减少至|减至|回落至|达到|达|到|至)(?:[^，,；;。]{0,10}?的)?\s*(?:约|近)?$/;

/** What may stand between B and the figure reporting the change: 增长了, 同比增长, 较上年增加, 年均增长. */
const FIRST_REPORT = new RegExp(`^[，,、\\s]*(?:[^，,。；;\\d%]{0,8}?)(?:${alternation([...RISE_WORDS, ...FALL_WORDS])})了?(?:约|近)?$`);

const ANOTHER_REPORT = new RegExp(`^[，,、；;\\s]*(?:同比|年均|平均每年|年平均|每年)?${alternation([...RISE_WORDS, ...FALL_WORDS])}了?(?:约|近)?$`);

export function changes(metrics: readonly Metric[], text: string): Change[] {
  const out: Change[] = [];
  for (let i = 0; i + 1 < metrics.length; i++) {
    const a = metrics[i]!;
    const b = metrics[i + 1]!;
    if (!sameQuantity(a, b) || a.sentenceSpan[0] !== b.sentenceSpan[0]) continue;
    if (!FROM_BEFORE.test(text.slice(Math.max(a.sentenceSpan[0], a.span[0] - 14), a.span[0]))) continue;
    if (!TO_BETWEEN.test(text.slice(a.span[1], b.span[0]))) continue;
    // 增长1.2倍，年均增长30.7%: each figure right after B reports the change its own way
    let reported = false;
    for (let k = i + 2; k < Math.min(metrics.length, i + 4); k++) {
      const c = metrics[k]!;
      const prev = metrics[k - 1]!;
      if (c.sentenceSpan[0] !== b.sentenceSpan[0] || c.span[0] - prev.span[1] > 16) break;
      // a second report must follow with nothing but a change word (税收增长15% is another subject)
      if (!(k > i + 2 ? ANOTHER_REPORT : FIRST_REPORT).test(text.slice(prev.span[1], c.span[0]))) break;
      out.push({ from: i, to: i + 1, reported: k });
      reported = true;
    }
    if (!reported) out.push({ from: i, to: i + 1, reported: null });
  }
  return out;
}

/** A from-to statement with the figure that reports its change: A, B, N and their indices. */
export interface ReportedChange {
  a: Metric;
  b: Metric;
  n: Metric;
  involved: number[];
}

/** The from-to statements that are followed by a figure reporting the change. */
export function reportedChanges(metrics: readonly Metric[], text: string): ReportedChange[] {
  const out: ReportedChange[] = [];
  for (const ch of changes(metrics, text)) {
    if (ch.reported === null) continue;
    out.push({ a: metrics[ch.from]!, b: metrics[ch.to]!, n: metrics[ch.reported]!, involved: [ch.from, ch.to, ch.reported] });
  }
  return out;
}

/** Half a unit in the last written decimal place: 3.4 → 0.05, 9 → 0.5. */
export function roundingOf(raw: string): number {
  const m = /[.·‧．](\d+)/.exec(raw);
  return 0.5 * 10 ** -(m ? m[1]!.length : 0);
}

export function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(Math.abs(n) < 10 ? 2 : 1);
}
