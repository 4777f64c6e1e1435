/**
 * The attribute stage: for each candidate, its sentence, label, period, qualifier and metric, then
 * what it is about: zone, indicator, when and comparison base. Decisions read the folded text;
 * every string in the output is sliced from the original, at the same offsets, so it stays in the
 * article's own script.
 */
import type { Candidate } from '../extract/index.js';
import type { Metric, MetricName, Span, ZoneMention } from '../types.js';
import { LIST_CONNECTORS, RANGE_CONNECTORS } from '../extract/lexicon.js';
import { charClass } from '../extract/rule.js';
import { fold } from '../normalize/fold.js';
import { Boundaries, clauseStart, itemAfter, paragraphAt } from '../text/clause.js';
import { builtinVocabulary, type Vocabulary } from '../vocab/index.js';
import { indicatorFor } from './indicator.js';
import { isMeasure, labelSpan, measureOf } from './label.js';
import { spreadLists } from './lists.js';
import { moneyMetric, percentMetric } from './metric.js';
import { PeriodIndex } from './period.js';
import { qualifierAt } from './qualifier.js';
import { whenFor, YearIndex } from './years.js';
import { ZoneIndex } from './zone.js';

/** What may stand between two figures of one list or range: 23%和31%, 5%、8%, 15%至20%. */
const LIST_JOINER = new RegExp(`^[${charClass(LIST_CONNECTORS + RANGE_CONNECTORS)},，\\s]{1,2}$`);

/** A label that says investment and nothing of whose: 投资, 总投资, 计划总投资. */
const BARE_INVESTMENT = /^(?:计划|协议)?总?投资(?:额|总额)?$/;

export interface AttributeContext {
  /** The vocabulary (built-in unless --rules adds to it). */
  vocab?: Vocabulary;
  /** Publication date YYYY-MM-DD, for years left implicit (今年, 1—9月). */
  published?: string | null;
}

export interface Attributed {
  metrics: Metric[];
  zones: ZoneMention[];
}

export function attribute(original: string, folded: string, candidates: readonly Candidate[], context: AttributeContext = {}): Attributed {
  const vocab = context.vocab ?? builtinVocabulary();
  const metrics: Metric[] = [];
  const bases: Array<Span | null> = [];
  let prev: { end: number; sentence: Span; label: string | null; kind: string; metric: MetricName; sign: 1 | -1 } | null = null;
  const periods = new PeriodIndex(folded);
  const bounds = new Boundaries(folded);
  let sentenceStart = -1;
  let sentenceText = '';
  for (const c of candidates) {
    const sentence = bounds.sentenceAt(c.start);
    const paragraph = bounds.paragraphAt(c.start);
    const cs = clauseStart(folded, c.start);
    const leadFrom = prev && prev.end > cs && prev.end <= c.start ? prev.end : cs;
    const lead = folded.slice(leadFrom, c.start);
    const qualifier = qualifierAt(folded, c.start, c.end, c.qualifier ?? null);

    let metric: MetricName = c.metric ?? 'count';
    let value = c.value;
    if (c.kind === 'money') metric = moneyMetric(folded.slice(cs, c.start), folded.slice(c.end, c.end + 8));
    let sign: 1 | -1 = 1;
    if (c.kind === 'percent') {
      // 分别增长23%和31%: a percent joined to the one before it reads the same way
      const p: { metric: MetricName; sign: 1 | -1 } = prev && prev.kind === 'percent' && leadFrom === prev.end && LIST_JOINER.test(lead) ? prev : percentMetric(lead, folded.slice(c.end, c.end + 8));
      metric = p.metric;
      sign = p.sign;
      value *= sign;
    }

    const sameSentence = prev !== null && prev.sentence[0] === sentence[0];
    let label: string | null = null;
    if (c.labelSpan && isMeasure(folded.slice(c.labelSpan[0], c.labelSpan[1]))) {
      label = original.slice(c.labelSpan[0], c.labelSpan[1]);
    } else {
      const own = labelSpan(folded, leadFrom, c.start);
      if (own.comparison && sameSentence && prev!.label) label = prev!.label;
      else if (own.span) label = original.slice(own.span[0], own.span[1]);
      else if (sameSentence) label = prev!.label;
    }

    if (label !== null) label = measureOf(label, foldedOf(label));
    // 先进制造业项目26个、投资121亿元: the money of the projects just counted, not the total's 计划总投资
    if (label !== null && c.kind === 'money' && prev && prev.kind === 'count' && prev.end > cs && prev.label && /项目$/.test(foldedOf(prev.label)) && BARE_INVESTMENT.test(foldedOf(label))) {
      label = prev.label + label;
    }
    const period = periods.periodFor(c.start, sentence, paragraph);
    bases.push(periods.baseFor(c.start, cs, paragraph));
    const text = original.slice(c.start, c.end);
    // figures of one sentence share one copy of it
    if (sentence[0] !== sentenceStart) {
      sentenceStart = sentence[0];
      sentenceText = original.slice(sentence[0], sentence[1]);
    }
    metrics.push({
      kind: c.kind,
      metric,
      value: Object.is(value, -0) ? 0 : value,
      unit: c.unit,
      raw: c.unitSpan ? text + original.slice(c.unitSpan[0], c.unitSpan[1]) : text,
      text,
      span: [c.start, c.end],
      sentence: sentenceText,
      sentenceSpan: [sentence[0], sentence[1]],
      label,
      period: period ? original.slice(period[0], period[1]) : null,
      qualifier,
      range: c.range ?? null,
      rule: c.rule,
      zone: null,
      indicator: 'other',
      indicatorName: null,
      when: null,
      base: null,
    });
    prev = { end: c.end, sentence, label, kind: c.kind, metric, sign };
  }
  spreadLists(metrics, folded);
  return { metrics, zones: placeAndMeasure(original, folded, metrics, bases, vocab, context.published ?? null) };
}

/** Zone, indicator, when and base of every metric; the zones they hold. */
function placeAndMeasure(original: string, folded: string, metrics: Metric[], bases: Array<Span | null>, vocab: Vocabulary, published: string | null): ZoneMention[] {
  const zones = new ZoneIndex(original, folded, vocab);
  const years = new YearIndex(folded, published);
  const bounds = new Boundaries(folded);
  let previous: { sentence: number; indicator: string; kind: Metric['kind'] } | null = null;
  metrics.forEach((m, i) => {
    const [start, end] = m.span;
    const base = bases[i];
    m.base = base ? original.slice(base[0], base[1]) : null;
    const cs = clauseStart(folded, start);
    const sameSentence = previous !== null && previous.sentence === m.sentenceSpan[0];
    m.indicator = indicatorFor(
      {
        kind: m.kind,
        metric: m.metric,
        label: m.label === null ? null : unquoted(foldedOf(m.label)),
        lead: unquoted(folded.slice(cs, start)),
        after: unquoted(itemAfter(folded, end, 8)),
        raw: foldedOf(m.raw),
        sentenceBefore: unquoted(folded.slice(m.sentenceSpan[0], start)),
        previous: sameSentence ? previous : null,
        labelFollows: m.label !== null && folded.startsWith(foldedOf(m.label), end),
        clauseAfter: unquoted(upToComma(folded.slice(end, end + 24))),
      },
      vocab,
    );
    const whole = partOf(metrics, i, folded);
    if (whole) m.indicator = whole.indicator;
    m.indicatorName = m.indicator === 'other' ? null : (vocab.byId.get(m.indicator)?.name ?? null);
    previous = { sentence: m.sentenceSpan[0], indicator: m.indicator, kind: m.kind };
    m.when = whenFor(m, folded, years, published, i > 0 ? metrics[i - 1]!.when : null, bounds.paragraphAt(start)[0]);
    m.zone = zones.nameOf(zones.zoneFor(start, m.sentenceSpan, bounds.paragraphAt(start), listIndex(metrics, i, folded)));
    // 1000万—3000万元的资金支持: the low end of a range measures what the high end does
    const low = metrics[i - 1];
    if (low && m.range === 'high' && low.range === 'low' && low.indicator === 'other') {
      low.indicator = m.indicator;
      low.indicatorName = m.indicatorName;
    }
  });
  return zones.zones();
}

/** A count of any enterprises, which a part of a more specific class of them (规上工业企业) belongs to. */
const ANY_ENTERPRISES = 'enterprises';
/** Counts of projects with no stage, which a part of projects at a stage (新签约项目) takes. */
const ANY_PROJECTS = new Set(['projects', 'key_projects']);

/**
 * 从业人员12万人，其中研发人员1.86万名; 规上工业企业311家。其中，产值超10亿元企业19家: a part, after
 * 其中, of what was just counted, with no indicator of its own (or only the general 企业, or projects
 * with no stage), measures the same thing. Returns that figure, or null.
 */
function partOf(metrics: readonly Metric[], i: number, folded: string): Metric | null {
  const m = metrics[i]!;
  const general = m.indicator === ANY_ENTERPRISES ? 'enterprises' : ANY_PROJECTS.has(m.indicator) ? '_projects' : null;
  if (m.indicator !== 'other' && general === null) return null;
  // looked for in the sentence, and the paragraph bounded: searches back through the whole text per figure are quadratic
  const inSentence = folded.slice(m.sentenceSpan[0], m.span[0]).lastIndexOf('其中');
  if (inSentence < 0) return null;
  const at = m.sentenceSpan[0] + inSentence;
  const paragraphStart = paragraphAt(folded, at)[0];
  for (let j = i - 1; j >= 0; j--) {
    const w = metrics[j]!;
    if (w.span[0] < paragraphStart) return null;
    if (w.span[1] > at) continue;
    if (w.metric !== m.metric || w.kind !== m.kind) continue;
    if (w.indicator === 'other') return null;
    // 新签约项目42个。其中，先进制造业项目26个: the stage of the whole (a stage wins over 重点)
    if (general !== null && (!w.indicator.endsWith(general) || (general === '_projects' && ANY_PROJECTS.has(w.indicator)))) return null;
    return w;
  }
  return null;
}

/** The place of a figure in a 分别 list of its sentence (0 for the first value), or -1. */
function listIndex(metrics: readonly Metric[], i: number, folded: string): number {
  const m = metrics[i]!;
  // looked for in the sentence only: a search back through the whole text per figure is quadratic
  const inSentence = folded.slice(m.sentenceSpan[0], m.span[0]).lastIndexOf('分别');
  if (inSentence < 0) return -1;
  const at = m.sentenceSpan[0] + inSentence;
  let n = 0;
  for (let j = i - 1; j >= 0 && metrics[j]!.span[0] > at; j--) if (metrics[j]!.kind === m.kind) n++;
  return n;
}

/** Labels are sliced from the original (or carried over); indicators are matched on their simplified form. */
const foldedOf = (s: string) => fold(s).text;
/** Text up to the first comma or sentence end (quotes do not end it, unlike a clause). */
const upToComma = (s: string) => s.slice(0, (s.search(/[，,。；;！？!?\n]/) + 1 || s.length + 1) - 1);
/** Quotes do not part a name: “四上”企业 is 四上企业. */
const unquoted = (s: string) => s.replace(/[“”"'‘’「」『』]/g, '');
