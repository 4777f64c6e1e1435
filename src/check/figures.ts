/**
 * What the checks ask of figures: whether two measure the same kind of thing, and where the
 * sentences and clauses around them start and end.
 */
import type { Metric } from '../types.js';

/** The measure word a count is written with (个, 家, 项, 人…): the noun after it is not reliable. */
function classifier(m: Metric): string {
  return m.raw.replace(/^[^一-鿿]*/, '').slice(-1);
}

/**
 * Same kind and unit: money in one currency, areas, percents, and counts of one metric (the
 * counted noun as extracted is not relied on: 由120家增加到150家 can give it as 增加到).
 */
export function sameQuantity(a: Metric, b: Metric): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'money') return a.unit === b.unit;
  // projects, enterprises and people are told apart by the metric (2名 and 86人 are both people);
  // other counts by their measure word (套, 台, 次)
  if (a.kind === 'count') return a.metric === b.metric && (a.metric !== 'count' || classifier(a) === classifier(b));
  return a.kind === 'area' || a.unit === b.unit;
}

/** Money, counts and areas: the things that add up. */
export function additive(m: Metric): boolean {
  return (m.kind === 'money' || m.kind === 'count' || m.kind === 'area') && m.range === null;
}

/** Index of the first metric of the sentence after the one holding metric i, or -1. */
export function nextSentence(metrics: readonly Metric[], i: number): number {
  const end = metrics[i]!.sentenceSpan[1];
  for (let j = i + 1; j < metrics.length; j++) if (metrics[j]!.sentenceSpan[0] >= end) return j;
  return -1;
}

/** Metrics whose sentence starts at `start`, by index. */
export function inSentence(metrics: readonly Metric[], start: number): number[] {
  const out: number[] = [];
  metrics.forEach((m, j) => {
    if (m.sentenceSpan[0] === start) out.push(j);
  });
  return out;
}

/** The text of the clause before `pos` back to the last `，；。：`, at most `max` characters. */
export function clauseBefore(text: string, pos: number, max = 30): string {
  const s = text.slice(Math.max(0, pos - max), pos);
  const cut = Math.max(...['，', ',', '；', ';', '。', '：', ':', '\n'].map((c) => s.lastIndexOf(c)));
  return s.slice(cut + 1);
}

/** Paragraph of the text holding `pos`, as [start, end). */
export function paragraphAt(text: string, pos: number): [number, number] {
  const start = text.lastIndexOf('\n', pos - 1) + 1;
  const end = text.indexOf('\n', pos);
  return [start, end < 0 ? text.length : end];
}

/** How far a sentence is looked for either side of a figure: a line with no sentence end is not one sentence. */
const SENTENCE_REACH = 1000;

const isSentenceEnd = (ch: string | undefined) => ch === '。' || ch === '!' || ch === '?' || ch === '\n';

/**
 * The sentence holding `pos`, as [start, end): it runs across ；, ending at 。, ! or ? or a line
 * break, and at most SENTENCE_REACH characters either side (a scan, not a copy of the rest of the
 * text: checks ask this of every figure).
 */
export function fullSentenceAt(text: string, pos: number): [number, number] {
  let start = pos;
  const floor = Math.max(0, pos - SENTENCE_REACH);
  while (start > floor && !isSentenceEnd(text[start - 1])) start--;
  let end = pos;
  const ceiling = Math.min(text.length, pos + SENTENCE_REACH);
  while (end < ceiling && !isSentenceEnd(text[end])) end++;
  return [start, end];
}
