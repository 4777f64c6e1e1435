/**
 * Lists with 分别 or 依次: `2019年至2021年…分别为A、B、C` gives each value its own year, and
 * `营业收入、利润、税收同比分别增长a%、b%、c%` each value its own item as its label.
 */
import type { Metric } from '../types.js';

const RESPECTIVELY = /分别|依次|各为/g;
const YEAR_SPAN = /(\d{4})年?\s*(?:[—–\-~]|至|到)\s*(\d{4})年/g;
const YEAR = /(\d{4})年/g;

interface Slot {
  metric: Metric;
  /** Offset of the figure in the text. */
  at: number;
}

/** The figures of one sentence that follow its 分别, grouped by kind, in text order. */
function listAfter(metrics: Metric[], from: number, sentenceEnd: number): Slot[][] {
  const byKind = new Map<string, Slot[]>();
  for (const m of metrics) {
    if (m.span[0] < from || m.span[0] >= sentenceEnd) continue;
    const list = byKind.get(m.kind) ?? [];
    list.push({ metric: m, at: m.span[0] });
    byKind.set(m.kind, list);
  }
  return [...byKind.values()];
}

/** Years stated before `pos` in the sentence, as a span or a list, one per value; null when they do not count n. */
function yearsFor(text: string, sentenceStart: number, pos: number, n: number): Array<{ year: number; written: string }> | null {
  const before = text.slice(sentenceStart, pos);
  YEAR_SPAN.lastIndex = 0;
  let span: RegExpExecArray | null = null;
  for (let m = YEAR_SPAN.exec(before); m; m = YEAR_SPAN.exec(before)) span = m;
  if (span) {
    const a = Number(span[1]);
    const b = Number(span[2]);
    if (b - a + 1 === n) return Array.from({ length: n }, (_, i) => ({ year: a + i, written: `${a + i}年` }));
  }
  YEAR.lastIndex = 0;
  const years = [...before.matchAll(YEAR)].map((m) => ({ year: Number(m[1]), written: m[0] }));
  const tail = years.slice(-n);
  if (n >= 2 && tail.length === n && tail.every((y, i) => i === 0 || y.year > tail[i - 1]!.year)) return tail;
  return null;
}

/** Items of a label joined by 、 和 及 与: 营业收入、利润、税收 → three labels. */
function items(label: string): string[] {
  return label.split(/[、，,]|和|及|与|以及/).map((s) => s.trim()).filter((s) => s.length > 0);
}

/** Applies list rules in place. `text` is the folded text (same offsets as the original). */
export function spreadLists(metrics: Metric[], text: string): void {
  const seen = new Set<number>();
  for (const m of metrics) {
    const [s, e] = m.sentenceSpan;
    if (seen.has(s)) continue;
    seen.add(s);
    const sentence = text.slice(s, e);
    RESPECTIVELY.lastIndex = 0;
    for (let r = RESPECTIVELY.exec(sentence); r; r = RESPECTIVELY.exec(sentence)) {
      const at = s + r.index;
      // the list runs to the next 分别 of the sentence
      RESPECTIVELY.lastIndex = r.index + r[0].length;
      const next = RESPECTIVELY.exec(sentence);
      RESPECTIVELY.lastIndex = r.index + r[0].length;
      const end = next ? s + next.index : e;
      for (const list of listAfter(metrics, at, end)) {
        const n = list.length;
        if (n < 2) continue;
        const years = yearsFor(text, s, at, n);
        if (years) {
          list.forEach((slot, i) => (slot.metric.period = years[i]!.written));
        }
        const label = list[0]!.metric.label;
        if (label) {
          const parts = items(label);
          if (parts.length === n) list.forEach((slot, i) => (slot.metric.label = parts[i]!));
        }
      }
      if (!next) break;
    }
  }
}
