/**
 * The corpus accumulator: records go in one at a time (`add`), summaries of partitions combine
 * (`merge`, associative and commutative), and `rows()` gives one row per key.
 *
 * What it holds grows with the distinct keys and values, not with the articles: per key, its
 * counts and, per distinct value, at most two sources from different articles (enough to show a
 * conflict between two articles). Per article it keeps only a 16-hex-digit fingerprint and its
 * name, so that a repost is counted once and listed.
 */
import { fingerprint } from './fingerprint.js';
import { disagree, halfWidth } from './precision.js';
import { isErrorRecord, type ArticleResult, type Info, type Metric, type OutputRecord, type SummaryRow, type SummarySource } from '../types.js';

export type SummaryField = 'zone' | 'indicator' | 'when' | 'period' | 'metric' | 'file';

/** Every field a summary can be grouped by (`--by`). */
export const SUMMARY_FIELD_INFO: Record<SummaryField, Info & { of: (m: Metric, r: ArticleResult) => string | null }> = {
  // ?? : records written before figures carried a zone and an indicator read as none
  zone: { description: 'the development zone the figure is about', of: (m) => m.zone ?? null },
  indicator: { description: 'the indicator id (gdp, fixed_asset_investment…)', of: (m) => m.indicator ?? 'other' },
  when: { description: 'the period as a month range, 2024-01..2024-12', of: (m) => (m.when ? `${m.when.from}..${m.when.to}` : null) },
  period: { description: 'the period as written (2024年, 前三季度)', of: (m) => m.period ?? null },
  metric: { description: 'the metric (investment, growth_rate…)', of: (m) => m.metric },
  file: { description: 'the article (file, or file#id for a JSONL record)', of: (_, r) => articleName(r) },
};

export const SUMMARY_FIELDS = Object.keys(SUMMARY_FIELD_INFO) as SummaryField[];

export const DEFAULT_BY: SummaryField[] = ['zone', 'indicator', 'when'];

/** Changes (增长7.8%, 提高2.1个百分点, 增长1.5倍) are kept apart from the levels they change. */
const CHANGE = new Set<Metric['metric']>(['growth_rate', 'growth_multiple', 'percentage_point']);

export function articleName(r: { file: string; id?: string }): string {
  return r.id !== undefined && r.id !== r.file ? `${r.file}#${r.id}` : r.file;
}

interface ValueState {
  value: number;
  /** Stated without a qualifier (约, 超, 不到) or a range: only these can conflict. */
  exact: boolean;
  mentions: number;
  /** The widest rounding any of its statements allows. */
  half: number;
  /** At most two, from different articles, the first in (file, id, offset) order. */
  sources: SummarySource[];
}

interface Cell {
  key: Record<string, string | null>;
  unit: string;
  measure: 'level' | 'change';
  mentions: number;
  articles: number;
  values: Map<string, ValueState>;
}

/** The JSON form of a summary: a partial summary written by one run and merged by another. */
export interface CorpusState {
  format: 'zonefacts-summary';
  version: 1;
  by: SummaryField[];
  articles: number;
  failed: number;
  /** Each distinct article: its fingerprint and every name it was read under (more than one: reposts). */
  seen: Array<[string, string[]]>;
  cells: Array<Omit<Cell, 'values'> & { values: ValueState[] }>;
}

const sourceOrder = (a: SummarySource, b: SummarySource) =>
  a.file < b.file ? -1 : a.file > b.file ? 1 : (a.id ?? '') < (b.id ?? '') ? -1 : (a.id ?? '') > (b.id ?? '') ? 1 : a.span[0] - b.span[0];

const sourceArticle = (s: SummarySource) => articleName(s);

/** The first source, then the first from another article: the same whatever order they came in. */
function keepTwo(sources: SummarySource[]): SummarySource[] {
  const sorted = [...sources].sort(sourceOrder);
  const first = sorted[0];
  if (!first) return [];
  const second = sorted.find((s) => sourceArticle(s) !== sourceArticle(first));
  return second ? [first, second] : [first];
}

function addValue(into: Map<string, ValueState>, v: ValueState): void {
  const id = `${v.value}|${v.exact ? 1 : 0}`;
  const had = into.get(id);
  if (!had) into.set(id, { ...v, sources: [...v.sources] });
  else {
    had.mentions += v.mentions;
    had.half = Math.max(had.half, v.half);
    had.sources = keepTwo([...had.sources, ...v.sources]);
  }
}

const byKey = <T>(a: [string, T], b: [string, T]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

export class CorpusSummary {
  readonly by: SummaryField[];
  private cells = new Map<string, Cell>();
  private seen = new Map<string, string[]>();
  private counted = 0;
  private failedInputs = 0;

  constructor(options: { by?: readonly SummaryField[] } = {}) {
    const by = options.by ?? DEFAULT_BY;
    for (const f of by) if (!(f in SUMMARY_FIELD_INFO)) throw new Error(`unknown summary field "${f}" (choose from ${SUMMARY_FIELDS.join(', ')})`);
    if (by.length === 0) throw new Error(`a summary needs at least one field to group by (${SUMMARY_FIELDS.join(', ')})`);
    this.by = [...new Set(by)];
  }

  /** Articles counted (a repost once), and inputs that failed. */
  get articles(): number {
    return this.counted;
  }

  get failed(): number {
    return this.failedInputs;
  }

  /** Add one record; a repost of an article already added is only listed. Returns this. */
  add(record: OutputRecord): this {
    if (isErrorRecord(record)) {
      this.failedInputs++;
      return this;
    }
    const hash = fingerprint(record);
    const name = articleName(record);
    const names = this.seen.get(hash);
    if (names) {
      if (!names.includes(name)) names.push(name), names.sort();
      return this;
    }
    this.seen.set(hash, [name]);
    this.counted++;
    const touched = new Set<Cell>();
    for (const m of record.metrics) {
      const cell = this.cell(m, record);
      cell.mentions++;
      touched.add(cell);
      const source: SummarySource = { file: record.file, value: m.value, text: m.text, span: m.span, sentence: m.sentence, sentenceSpan: m.sentenceSpan };
      if (record.id !== undefined) source.id = record.id;
      const exact = m.qualifier === null && m.range === null;
      addValue(cell.values, { value: m.value, exact, mentions: 1, half: halfWidth(m), sources: [source] });
    }
    for (const cell of touched) cell.articles++;
    return this;
  }

  private cell(m: Metric, r: ArticleResult): Cell {
    const key: Record<string, string | null> = {};
    for (const f of this.by) key[f] = SUMMARY_FIELD_INFO[f].of(m, r);
    const measure = CHANGE.has(m.metric) ? 'change' : 'level';
    const id = JSON.stringify([...this.by.map((f) => key[f]), m.unit, measure]);
    let cell = this.cells.get(id);
    if (!cell) {
      cell = { key, unit: m.unit, measure, mentions: 0, articles: 0, values: new Map() };
      this.cells.set(id, cell);
    }
    return cell;
  }

  /** Fold another summary (of other articles, grouped the same way) into this one. Returns this. */
  merge(other: CorpusSummary): this {
    if (other.by.join() !== this.by.join()) {
      throw new Error(`cannot merge a summary grouped by ${other.by.join(',')} into one grouped by ${this.by.join(',')}`);
    }
    this.counted += other.counted;
    this.failedInputs += other.failedInputs;
    for (const [hash, names] of other.seen) {
      const mine = this.seen.get(hash);
      if (!mine) this.seen.set(hash, [...names]);
      else {
        // the same article in both partitions: listed as a repost (its figures are in both counts)
        this.counted--;
        this.seen.set(hash, [...new Set([...mine, ...names])].sort());
      }
    }
    for (const [id, cell] of other.cells) {
      const mine = this.cells.get(id);
      if (!mine) {
        const copy: Cell = { ...cell, key: { ...cell.key }, values: new Map() };
        for (const v of cell.values.values()) addValue(copy.values, v);
        this.cells.set(id, copy);
        continue;
      }
      mine.mentions += cell.mentions;
      mine.articles += cell.articles;
      for (const v of cell.values.values()) addValue(mine.values, v);
    }
    return this;
  }

  /** Articles read under more than one name (reposts), each group sorted. */
  duplicates(): string[][] {
    return [...this.seen.values()].filter((names) => names.length > 1).sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
  }

  /** One row per key, in key order. `by`, if given, must be the grouping the summary was made with. */
  rows(by: readonly SummaryField[] = this.by): SummaryRow[] {
    if (by.join() !== this.by.join()) {
      throw new Error(`this summary is grouped by ${this.by.join(',')}; make one with { by: [${by.join(', ')}] } to group by those`);
    }
    const checkable = this.by.includes('zone') && this.by.includes('indicator') && (this.by.includes('when') || this.by.includes('period'));
    return [...this.cells.entries()].sort(byKey).map(([, cell]) => rowOf(cell, checkable && cellIsPlaced(cell.key)));
  }

  toJSON(): CorpusState {
    return {
      format: 'zonefacts-summary',
      version: 1,
      by: [...this.by],
      articles: this.counted,
      failed: this.failedInputs,
      seen: [...this.seen.entries()].sort(byKey).map(([h, names]) => [h, [...names]]),
      cells: [...this.cells.entries()].sort(byKey).map(([, c]) => ({
        key: { ...c.key }, unit: c.unit, measure: c.measure, mentions: c.mentions, articles: c.articles,
        values: [...c.values.entries()].sort(byKey).map(([, v]) => ({ ...v, sources: v.sources.map((s) => ({ ...s })) })),
      })),
    };
  }

  /** A summary back from its JSON form; throws an Error naming what is wrong. */
  static fromJSON(state: unknown): CorpusSummary {
    const s = state as Partial<CorpusState> | null;
    if (!s || typeof s !== 'object' || s.format !== 'zonefacts-summary') throw new Error('not a zonefacts summary (no "format": "zonefacts-summary")');
    if (s.version !== 1) throw new Error(`summary version ${String(s.version)} is not supported (expected 1)`);
    if (!Array.isArray(s.by) || !Array.isArray(s.seen) || !Array.isArray(s.cells)) throw new Error('summary is missing "by", "seen" or "cells"');
    const out = new CorpusSummary({ by: s.by });
    out.counted = Number(s.articles) || 0;
    out.failedInputs = Number(s.failed) || 0;
    s.seen.forEach((entry, i) => {
      if (!Array.isArray(entry) || typeof entry[0] !== 'string' || !Array.isArray(entry[1])) throw new Error(`summary "seen" entry ${i} is not [fingerprint, names]`);
      out.seen.set(entry[0], entry[1].map(String));
    });
    for (const [i, c] of s.cells.entries()) {
      const ok = c && typeof c.key === 'object' && typeof c.unit === 'string' && typeof c.mentions === 'number' && typeof c.articles === 'number' && Array.isArray(c.values);
      if (!ok) throw new Error(`summary cell ${i} is malformed (it needs key, unit, mentions, articles and values)`);
      const cell: Cell = { key: { ...c.key }, unit: c.unit, measure: c.measure, mentions: c.mentions, articles: c.articles, values: new Map() };
      for (const v of c.values) addValue(cell.values, v);
      const id = JSON.stringify([...out.by.map((f) => cell.key[f] ?? null), cell.unit, cell.measure]);
      out.cells.set(id, cell);
    }
    return out;
  }
}

/** Conflicts are looked for only among figures placed in a zone, an indicator and a period. */
function cellIsPlaced(key: Record<string, string | null>): boolean {
  return key.zone != null && key.indicator != null && key.indicator !== 'other' && (key.when != null || key.period != null);
}

function rowOf(cell: Cell, checkable: boolean): SummaryRow {
  const states = [...cell.values.values()];
  const values = [...new Set(states.map((v) => v.value))].sort((a, b) => a - b);
  const conflicting = checkable ? conflicts(states.filter((v) => v.exact)) : [];
  const shown = conflicting.length > 0 ? conflicting : states;
  const sources = shown.flatMap((v) => v.sources).sort((a, b) => a.value - b.value || sourceOrder(a, b));
  return {
    key: { ...cell.key },
    unit: cell.unit,
    measure: cell.measure,
    values,
    min: values[0]!,
    max: values[values.length - 1]!,
    mentions: cell.mentions,
    articles: cell.articles,
    conflict: conflicting.length > 0,
    sources,
  };
}

/** The values some other article contradicts beyond the rounding both allow. */
function conflicts(exact: ValueState[]): ValueState[] {
  const out = new Set<ValueState>();
  for (let i = 0; i < exact.length; i++) {
    for (let j = i + 1; j < exact.length; j++) {
      const a = exact[i]!;
      const b = exact[j]!;
      if (!disagree(a, b)) continue;
      const fromTwoArticles = a.sources.some((s) => b.sources.some((t) => sourceArticle(s) !== sourceArticle(t)));
      if (fromTwoArticles) out.add(a).add(b);
    }
  }
  return [...out];
}
