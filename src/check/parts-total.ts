/**
 * Totals and their parts, wherever the article states them. A breakdown opens right after its
 * total (总投资86亿元，其中…, 30个（含…）, 分别为), at the start of the next sentence (…86亿元。其中，…),
 * or restates its total (在这40个项目中，…). Its parts are the figures of the same kind and unit that
 * follow, until the sentence (or bracket) ends. 分别为, 在这N个中 and breakdowns that end in 其余/其他
 * are exhaustive: the parts must add up to the total within rounding; 其中, 包括, 含 and brackets
 * are not: the parts must not exceed it. A part followed by its own 其中/包括 opens a nested
 * breakdown, checked against that part, not the total; 另有, 此外, 还有 add to the total and end it.
 */
import type { Check, Metric } from '../types.js';
import { additive, clauseBefore, fullSentenceAt, sameQuantity } from './figures.js';
import { judge, unverifiable } from './verdict.js';

/** A marker right after a figure that opens its breakdown. */
const OPENS = /^[\s，,：:]*(?:[（(]|其中|包括|包含|含|分别为|分别是)/;
/** A marker opening a sentence: the breakdown of the sentence before. */
const OPENS_SENTENCE = /^[\s，,]*(?:其中|在这些|这些[^，。；]{0,8}中)/;
const EXHAUSTIVE = /分别为|分别是/;
/** Words that add to a total rather than break it down. */
const ADDS = /另有|此外|另外|还有|同时|以及新/;
const REMAINDER = /其余|其他|其它|剩余|剩下/;
/** 10亿元以上项目: a threshold, not a part; 增加5个: a change, not a part; 平均: a per-unit figure. */
const THRESHOLD_AFTER = /^(?:及以上|以上|以下|及以下)/;
const THRESHOLD_LABEL = /以上|以下/;
/** 带动社会投资150亿元: what a total brings about is not inside it. */
const DRIVEN = /带动|拉动|撬动|吸引|辐射/;
const NOT_A_PART_BEFORE = /增长|增加|减少|下降|同比|比上年|较上年|平均|均|每|超过|达到?$/;
/** 在这40个项目中 / 在上述30家企业中: the total restated, exhaustively broken down. */
const IN_THESE_BEFORE = /在(?:这|上述|以上|这些)?$/;
const IN_THESE_AFTER = /^[^，。；\d]{0,10}中[，,：:]/;

export interface Breakdown {
  total: number;
  parts: number[];
  exhaustive: boolean;
  /** Parts stand in clauses apart (；): they may overlap (第三产业投资…；项目投资…). */
  separate: boolean;
  /** Where the parts were looked for, [start, end) in the text. */
  region: [number, number];
}

function isPart(metrics: readonly Metric[], text: string, total: Metric, j: number): boolean {
  const p = metrics[j]!;
  if (!additive(p) || !sameQuantity(total, p) || (total.kind === 'money' && total.metric !== p.metric)) return false;
  if (THRESHOLD_AFTER.test(text.slice(p.span[1], p.span[1] + 3))) return false;
  const before = text.slice(Math.max(p.sentenceSpan[0], p.span[0] - 6), p.span[0]);
  return !NOT_A_PART_BEFORE.test(before) && !DRIVEN.test(clauseBefore(text, p.span[0]));
}

/**
 * The parts of `total` from metric `from` on: same-quantity figures up to the end of the sentence
 * (or of the bracket), skipping nested breakdowns (to the next ；, ） or 。), stopping at 另有/此外.
 */
function partsFrom(metrics: readonly Metric[], text: string, total: Metric, from: number, closeAt: number): { parts: number[]; remainder: boolean; separate: boolean } {
  const parts: number[] = [];
  let separate = false;
  let nested = false;
  let remainder = false;
  let prevEnd = metrics[from - 1]?.span[1] ?? 0;
  for (let j = from; j < metrics.length; j++) {
    const p = metrics[j]!;
    if (p.span[0] >= closeAt) break;
    const gap = text.slice(prevEnd, p.span[0]);
    const gapFromMarker = j === from ? '' : gap;
    if (ADDS.test(gapFromMarker)) break;
    if (nested && /[；;）)。]/.test(gapFromMarker)) nested = false;
    if (j > from && parts.length > 0 && OPENS.test(gapFromMarker) && parts.includes(j - 1)) nested = true;
    else if (j > from && /其中|包括|分别为/.test(gapFromMarker) && !nested) break;
    if (REMAINDER.test(gap)) remainder = true;
    if (!nested && isPart(metrics, text, total, j)) {
      if (parts.length > 0 && /[；;]/.test(text.slice(metrics[parts[parts.length - 1]!]!.span[1], p.span[0]))) separate = true;
      parts.push(j);
    }
    prevEnd = p.span[1];
  }
  return { parts, remainder, separate };
}

/** The closest additive figure of each quantity before `before`, among `candidates` (latest first). */
/** A difference between two stocks (由268家增加到311家，净增43家) has no parts: 其中 breaks down the stock. */
const DIFFERENCE = /净增|净减|净增加|净减少|净流入|净流出/;

function owners(metrics: readonly Metric[], text: string, candidates: number[]): number[] {
  const out: number[] = [];
  for (const i of [...candidates].reverse()) {
    const m = metrics[i]!;
    if (!additive(m) || m.qualifier === 'under' || DIFFERENCE.test(clauseBefore(text, m.span[0]))) continue;
    if (out.some((o) => sameQuantity(metrics[o]!, m))) continue;
    out.push(i);
  }
  return out;
}

/** The longest clause chain a breakdown's owner is looked for in: past this it is a list, not a chain. */
const CHAIN_REACH = 40;

/**
 * For each figure, the first of the figures before it with no `stop` between them and it. A stop
 * before one figure stands before every earlier one too, so each start follows from the last.
 */
function chainStarts(metrics: readonly Metric[], text: string, stop: RegExp): number[] {
  const starts: number[] = [];
  metrics.forEach((m, i) => {
    starts.push(i === 0 || stop.test(text.slice(metrics[i - 1]!.span[1], m.span[1])) ? i : starts[i - 1]!);
  });
  return starts;
}

/** The figures of `i`'s clause chain up to it, in order, at most CHAIN_REACH of them. */
const chainTo = (starts: number[], i: number) => {
  const k = Math.max(starts[i]!, i - CHAIN_REACH + 1);
  return Array.from({ length: i - k + 1 }, (_, n) => k + n);
};

export function breakdowns(metrics: readonly Metric[], text: string): Breakdown[] {
  const found: Breakdown[] = [];
  const add = (totals: number[], from: number, closeAt: number, exhaustive: boolean) => {
    for (const t of totals) {
      const { parts, remainder, separate } = partsFrom(metrics, text, metrics[t]!, from, closeAt);
      if (parts.length === 0 || (exhaustive && parts.length < 2)) continue;
      if (found.some((b) => b.total === t)) continue;
      found.push({ total: t, parts, exhaustive: exhaustive || remainder, separate, region: [metrics[from - 1]!.span[1], closeAt] });
    }
  };
  const clauseChains = chainStarts(metrics, text, /[；;。！？!?\n]/);
  const sentenceChains = chainStarts(metrics, text, /[。！？!?\n]/);
  for (let i = 0; i < metrics.length; i++) {
    const m = metrics[i]!;
    const sentenceEnd = fullSentenceAt(text, m.span[1])[1];
    const next = i + 1 < metrics.length ? metrics[i + 1]! : null;
    const after = text.slice(m.span[1], next && next.sentenceSpan[0] === m.sentenceSpan[0] ? next.span[0] : sentenceEnd);
    // 在这40个项目中，…: the total restated
    if (IN_THESE_BEFORE.test(text.slice(Math.max(m.sentenceSpan[0], m.span[0] - 3), m.span[0])) && IN_THESE_AFTER.test(after)) {
      add([i], i + 1, sentenceEnd, true);
      continue;
    }
    const open = OPENS.exec(after);
    if (open) {
      const bracket = /[（(]/.test(open[0]);
      // the bracket closes within the sentence: a search of the rest of the text per figure is quadratic
      const closeAt_ = bracket ? /[）)]/.exec(text.slice(m.span[1], sentenceEnd)) : null;
      const close = closeAt_ ? m.span[1] + closeAt_.index : -1;
      // a breakdown inside another one (其中工业项目18个，包括…) ends with its clause group, at ；
      const inner = /其中|包括|分别为|分别是/.test(text.slice(fullSentenceAt(text, m.span[0])[0], m.span[0]));
      const semiAt = /[；;]/.exec(text.slice(m.span[1], sentenceEnd));
      const semi = semiAt ? m.span[1] + semiAt.index : -1;
      const clauseEnd = inner && semi >= 0 ? Math.min(semi, sentenceEnd) : sentenceEnd;
      const closeAt = bracket && close >= 0 ? Math.min(close, sentenceEnd) : clauseEnd;
      // the breakdown belongs to the figures of this clause chain, the closest of each quantity
      const chain = chainTo(clauseChains, i);
      add(bracket ? [i] : owners(metrics, text, chain), i + 1, closeAt, EXHAUSTIVE.test(open[0]));
    }
    // …总投资86亿元。其中，…: the next sentence breaks down this one
    if (next && next.span[0] > sentenceEnd && OPENS_SENTENCE.test(text.slice(sentenceEnd + 1, next.span[0]))) {
      const chain = chainTo(sentenceChains, i);
      add(owners(metrics, text, chain), i + 1, fullSentenceAt(text, next.span[0])[1], false);
    }
  }
  return found;
}

const NUMBER = /\d+(?:\.\d+)?|[一二两三四五六七八九十百千]+(?=[个家项名人位所座])/g;

/** A number in the region outside every extracted figure, or null. */
function unreadFigure(metrics: readonly Metric[], text: string, [start, end]: [number, number]): string | null {
  for (const m of text.slice(start, end).matchAll(NUMBER)) {
    const at = start + m.index;
    if (!metrics.some((x) => x.span[0] <= at && at < x.span[1])) return m[0];
  }
  return null;
}

export function partsTotal(metrics: readonly Metric[], text: string): Check[] {
  return breakdowns(metrics, text).map(({ total, parts, exhaustive, separate, region }) => {
    const t = metrics[total]!;
    const relation = (ps: number[]) =>
      judge({
        id: 'parts-total',
        metrics,
        involved: [total, ...ps],
        claim: `${ps.map((j) => metrics[j]!.text).join(' + ')} ${exhaustive ? '=' : '≤'} ${t.label ?? ''}${t.text}${exhaustive ? ' (an exhaustive breakdown)' : ' (其中/包括: a part of the total)'}`,
        stated: t.value,
        inputs: ps,
        f: (xs) => xs.reduce((s, x) => s + x, 0),
        mode: exhaustive ? 'equal' : 'atMost',
      });
    const whole = relation(parts);
    // an exhaustive breakdown with a number no figure covers may have a part that was not read
    // (服务企业3家): its sum says nothing, whether it agrees or not
    const unread = exhaustive ? unreadFigure(metrics, text, region) : null;
    if (unread) {
      return unverifiable('parts-total', metrics, [total, ...parts], whole.claim, `the breakdown holds a figure that was not read as a part (${unread})`);
    }
    // classes by threshold (10亿元以上项目, 亿元以上项目) nest inside each other
    const thresholds = parts.filter((j) => THRESHOLD_LABEL.test(metrics[j]!.label ?? '')).length > 1;
    if (whole.status !== 'inconsistent' || exhaustive || !(separate || thresholds)) return whole;
    // parts that may overlap: only a part larger than the total on its own is wrong
    const largest = parts.reduce((a, b) => (metrics[b]!.value > metrics[a]!.value ? b : a));
    const alone = relation([largest]);
    if (alone.status === 'inconsistent') return alone;
    const why = thresholds ? 'the parts are classes by threshold (以上) that nest' : 'the parts stand in separate clauses (；)';
    return unverifiable('parts-total', metrics, [total, ...parts], whole.claim, `${why} and may overlap; each alone is within the total`);
  });
}
