/**
 * Score extracted metrics against a gold file in the format of the annotation guide:
 * an emitted metric matches a gold item when its span overlaps the gold quantity's span and its
 * kind and value agree (values within 1e-9 relative; areas within 0.05%). Matching is one to one.
 */
import { KIND_INFO, type Kind, type Metric, type MetricName } from '../types.js';

export interface GoldItem {
  text?: string;
  quantity: string;
  kind: Kind;
  value: number;
  unit?: string;
  metric: MetricName;
  occurrence?: number;
  qualifier?: string;
}

export interface GoldArticle {
  id: string;
  file: string;
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

export interface Score {
  overall: Tally;
  byKind: Record<string, Tally>;
  byMetric: Record<string, Tally>;
  /** Of the matched items, the share whose metric agrees with the gold. */
  metricAccuracy: number;
  metricAgreed: number;
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

/** Score one or more articles: each with its text, gold items and emitted metrics. */
export function score(articles: ReadonlyArray<{ id: string; text: string; gold: GoldItem[]; metrics: Metric[] }>): Score {
  const overall: Counter = { gold: 0, emitted: 0, matched: 0 };
  const byKind = new Map<string, Counter>();
  const byMetric = new Map<string, Counter>();
  let metricAgreed = 0;
  const missed: Miss[] = [];
  const spurious: Miss[] = [];
  const unlocated: Miss[] = [];

  for (const a of articles) {
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
      if (emitted[i]!.metric === g.metric) {
        metricAgreed++;
        bump(byMetric, g.metric, 'matched');
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
    missed,
    spurious,
    unlocated,
  };
}
