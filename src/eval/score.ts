/**
 * Score extracted metrics against a gold file in the format of the annotation guide:
 * an emitted metric matches a gold item when its span overlaps the gold quantity's span and its
 * kind and value agree (values within 1e-9 relative; areas within 0.05%). Matching is one to one.
 */
import { fold } from '../normalize/fold.js';
import { KIND_INFO, type Kind, type Metric, type MetricName, type When } from '../types.js';

export interface GoldItem {
  text?: string;
  quantity: string;
  kind: Kind;
  value: number;
  unit?: string;
  metric: MetricName;
  occurrence?: number;
  qualifier?: string;
  /** A zone id of the article's `zones`, a list of ids (any is accepted), or null. */
  zone?: string | string[] | null;
  indicator?: string;
  period?: string | null;
  when?: When | null;
}

export interface GoldZone {
  id: string;
  names: string[];
}

export interface GoldArticle {
  id: string;
  file: string;
  published?: string | null;
  zones?: GoldZone[];
  gold: GoldItem[];
}

export interface GoldFile {
  version: number;
  articles: GoldArticle[];
}

export interface Tally {
  gold: number;
  emitted: number;
  matched: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface Miss {
  article: string;
  quantity: string;
  kind: string;
  value: number;
  context: string;
}

/** A matched figure whose zone, indicator or period disagrees with the gold. */
export interface AttributionMiss {
  article: string;
  quantity: string;
  field: 'zone' | 'indicator' | 'period';
  expected: string;
  got: string;
  context: string;
}

export interface Accuracy {
  /** Matched items the gold annotates for this field. */
  scored: number;
  agreed: number;
  accuracy: number;
}

export interface Score {
  overall: Tally;
  byKind: Record<string, Tally>;
  byMetric: Record<string, Tally>;
  /** Of the matched items, the share whose metric agrees with the gold. */
  metricAccuracy: number;
  metricAgreed: number;
  /** Zone, indicator and period accuracy on matched quantities (ATTRIBUTION.md, "Gold format additions"). */
  zone: Accuracy;
  indicator: Accuracy;
  period: Accuracy;
  /** Articles whose gold states `published`, and how many agree. */
  published: Accuracy;
  attributionMisses: AttributionMiss[];
  missed: Miss[];
  spurious: Miss[];
  unlocated: Miss[];
}

/** `[start, end)` of the n-th (1-based) occurrence of `needle`, or null. */
export function locate(text: string, needle: string, occurrence = 1): [number, number] | null {
  let at = -1;
  for (let i = 0; i < occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) return null;
  }
  return [at, at + needle.length];
}

export function valuesAgree(kind: Kind, a: number, b: number): boolean {
  const tolerance = kind === 'area' ? 5e-4 : 1e-9;
  return Math.abs(a - b) <= tolerance * Math.max(Math.abs(a), Math.abs(b), 1e-12);
}

interface Counter {
  gold: number;
  emitted: number;
  matched: number;
}

function tally(c: Counter): Tally {
  const precision = c.emitted ? c.matched / c.emitted : c.gold ? 0 : 1;
  const recall = c.gold ? c.matched / c.gold : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { ...c, precision, recall, f1 };
}

function bump(map: Map<string, Counter>, key: string, field: keyof Counter): void {
  const c = map.get(key) ?? { gold: 0, emitted: 0, matched: 0 };
  c[field]++;
  map.set(key, c);
}

function context(text: string, span: [number, number]): string {
  return text.slice(Math.max(0, span[0] - 8), span[1] + 4).replace(/\s+/g, ' ');
}

/** A zone name folded for comparison: script, width and spaces ignored; long and short official forms one. */
export function zoneKey(name: string): string {
  return fold(name)
    .text.replace(/\s+/g, '')
    .replace(/高新技术产业开发区$/, '高新区')
    .replace(/(?:经济技术开发区|经济开发区)$/, '经开区')
    .replace(/^(.{2,}?)[市县](?=(?:高新区|经开区|开发区|新区|产业园区?|工业园区?)$)/, '$1');
}

const foldPeriod = (p: string | null | undefined) => (p ? fold(p).text.replace(/\s+/g, '') : null);
const showWhen = (w: When | null | undefined) => (w ? `${w.from}..${w.to}` : 'null');

function zoneAgrees(got: string | null, gold: GoldItem['zone'], zones: GoldZone[]): boolean {
  const ids = gold === null || gold === undefined ? [] : Array.isArray(gold) ? gold : [gold];
  // a scorer of another tool's figures may give no zone at all: that is none
  if (ids.length === 0) return got == null;
  if (got == null) return false;
  const key = zoneKey(got);
  return ids.some((id) => zones.find((z) => z.id === id)?.names.some((n) => zoneKey(n) === key));
}

function periodAgrees(m: Metric, g: GoldItem): boolean {
  if (g.when) return m.when != null && m.when.from === g.when.from && m.when.to === g.when.to;
  return foldPeriod(m.period) === foldPeriod(g.period);
}

function accuracy(scored: number, agreed: number): Accuracy {
  return { scored, agreed, accuracy: scored ? agreed / scored : 1 };
}

/** Score one or more articles: each with its text, gold items and emitted metrics. */
export interface ScoredArticle {
  id: string;
  text: string;
  gold: GoldItem[];
  metrics: Metric[];
  zones?: GoldZone[];
  /** The gold publication date, when the gold states one (undefined: not annotated). */
  goldPublished?: string | null;
  published?: string | null;
}

export function score(articles: ReadonlyArray<ScoredArticle>): Score {
  const overall: Counter = { gold: 0, emitted: 0, matched: 0 };
  const byKind = new Map<string, Counter>();
  const byMetric = new Map<string, Counter>();
  let metricAgreed = 0;
  const missed: Miss[] = [];
  const spurious: Miss[] = [];
  const unlocated: Miss[] = [];
  const attributionMisses: AttributionMiss[] = [];
  const tallies = { zone: [0, 0], indicator: [0, 0], period: [0, 0], published: [0, 0] };
  const mark = (field: keyof typeof tallies, ok: boolean) => {
    tallies[field][0]!++;
    if (ok) tallies[field][1]!++;
  };

  for (const a of articles) {
    if (a.goldPublished !== undefined) mark('published', a.goldPublished === (a.published ?? null));
    const emitted = a.metrics.filter((m) => KIND_INFO[m.kind]?.scored);
    const used = new Set<number>();
    for (const m of emitted) {
      overall.emitted++;
      bump(byKind, m.kind, 'emitted');
      bump(byMetric, m.metric, 'emitted');
    }
    for (const g of a.gold) {
      overall.gold++;
      bump(byKind, g.kind, 'gold');
      bump(byMetric, g.metric, 'gold');
      const span = locate(a.text, g.quantity, g.occurrence ?? 1);
      if (!span) {
        unlocated.push({ article: a.id, quantity: g.quantity, kind: g.kind, value: g.value, context: '' });
        continue;
      }
      const i = emitted.findIndex(
        (m, j) =>
          !used.has(j) && m.span[0] < span[1] && span[0] < m.span[1] && m.kind === g.kind && valuesAgree(g.kind, m.value, g.value),
      );
      if (i < 0) {
        missed.push({ article: a.id, quantity: g.quantity, kind: g.kind, value: g.value, context: context(a.text, span) });
        continue;
      }
      used.add(i);
      overall.matched++;
      bump(byKind, g.kind, 'matched');
      const m = emitted[i]!;
      if (m.metric === g.metric) {
        metricAgreed++;
        bump(byMetric, g.metric, 'matched');
      }
      const miss = (field: AttributionMiss['field'], expected: string, got: string) =>
        attributionMisses.push({ article: a.id, quantity: g.quantity, field, expected, got, context: context(a.text, span) });
      if ('zone' in g) {
        const ok = zoneAgrees(m.zone, g.zone, a.zones ?? []);
        mark('zone', ok);
        if (!ok) {
          const ids = g.zone === null || g.zone === undefined ? [] : Array.isArray(g.zone) ? g.zone : [g.zone];
          const names = ids.map((id) => a.zones?.find((z) => z.id === id)?.names[0] ?? id);
          miss('zone', names.join('|') || 'null', m.zone ?? 'null');
        }
      }
      if (g.indicator !== undefined) {
        mark('indicator', m.indicator === g.indicator);
        if (m.indicator !== g.indicator) miss('indicator', g.indicator, `${m.indicator} (label ${m.label ?? 'null'})`);
      }
      if ('period' in g || 'when' in g) {
        const ok = periodAgrees(m, g);
        mark('period', ok);
        if (!ok) miss('period', `${g.period ?? 'null'} ${showWhen(g.when)}`, `${m.period ?? 'null'} ${showWhen(m.when)}`);
      }
    }
    emitted.forEach((m, j) => {
      if (!used.has(j)) {
        spurious.push({ article: a.id, quantity: m.text, kind: `${m.kind}/${m.metric}`, value: m.value, context: context(a.text, m.span) });
      }
    });
  }
  const toRecord = (map: Map<string, Counter>) =>
    Object.fromEntries([...map].sort(([a], [b]) => a.localeCompare(b)).map(([k, c]) => [k, tally(c)]));
  return {
    overall: tally(overall),
    byKind: toRecord(byKind),
    byMetric: toRecord(byMetric),
    metricAccuracy: overall.matched ? metricAgreed / overall.matched : 1,
    metricAgreed,
    zone: accuracy(tallies.zone[0]!, tallies.zone[1]!),
    indicator: accuracy(tallies.indicator[0]!, tallies.indicator[1]!),
    period: accuracy(tallies.period[0]!, tallies.period[1]!),
    published: accuracy(tallies.published[0]!, tallies.published[1]!),
    attributionMisses,
    missed,
    spurious,
    unlocated,
  };
}
