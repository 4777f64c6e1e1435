/**
 * The corpus accumulator: records go in one at a time (`add`), summaries of partitions combine
 * (`merge`, associative and commutative), and `rows()` gives one row per key.
 *
 * No text is held. Per key and distinct value: at most two sources from different articles
 * (enough to show a conflict), and the fingerprints (16 hex digits) of the articles stating it with
 * how often each does. Counting articles by fingerprint is what makes a repost count once however
 * the corpus is split: the same article met in two partitions is one fingerprint in the merge.
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

/** Internal: a source with the fingerprint of its article. */
type Source = SummarySource & { article: string };

interface ValueState {
  value: number;
  /** Stated without a qualifier (约, 超, 不到) or a range: only these can conflict. */
  exact: boolean;
  /** The widest rounding any of its statements allows. */
  half: number;
  /** Fingerprint of each article stating it → how many times it does. */
  articles: Map<string, number>;
  /** At most two, from different articles, the first in (file, id, offset) order. */
  sources: Source[];
}

interface Cell {
  key: Record<string, string | null>;
  unit: string;
  measure: 'level' | 'change';
  values: Map<string, ValueState>;
}

type ValueJSON = Omit<ValueState, 'articles'> & { articles: Array<[string, number]> };

/** The JSON form of a summary: a partial summary written by one run and merged by another. */
export interface CorpusState {
  format: 'zonefacts-summary';
  version: 1;
  by: SummaryField[];
  /** Distinct articles (a repost once). */
  articles: number;
  failed: number;
  /** Each distinct article: its fingerprint and every name it was read under (more than one: reposts). */
  seen: Array<[string, string[]]>;
  cells: Array<Omit<Cell, 'values'> & { values: ValueJSON[] }>;
}

const sourceOrder = (a: SummarySource, b: SummarySource) =>
  a.file < b.file ? -1 : a.file > b.file ? 1 : (a.id ?? '') < (b.id ?? '') ? -1 : (a.id ?? '') > (b.id ?? '') ? 1 : a.span[0] - b.span[0];

/** The first source, then the first from another article: the same whatever order they came in. */
function keepTwo(sources: Source[]): Source[] {
  const sorted = [...sources].sort(sourceOrder);
  const first = sorted[0];
  if (!first) return [];
  const second = sorted.find((s) => s.article !== first.article);
  return second ? [first, second] : [first];
}

/**
 * Fold a value's statements in. An article met twice (a repost, or the same article in two
 * partitions) states it as often as before: the larger count, never the sum.
 */
function addValue(into: Map<string, ValueState>, v: ValueState): void {
  const id = `${v.value}|${v.exact ? 1 : 0}`;
  const had = into.get(id);
  if (!had) {
    into.set(id, { ...v, articles: new Map(v.articles), sources: [...v.sources] });
    return;
  }
  for (const [a, n] of v.articles) had.articles.set(a, Math.max(n, had.articles.get(a) ?? 0));
  had.half = Math.max(had.half, v.half);
  had.sources = keepTwo([...had.sources, ...v.sources]);
}

const byKey = <T>(a: [string, T], b: [string, T]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

export class CorpusSummary {
  readonly by: SummaryField[];
  private cells = new Map<string, Cell>();
  private seen = new Map<string, string[]>();
  private failedInputs = 0;

  constructor(options: { by?: readonly SummaryField[] } = {}) {
    const by = options.by ?? DEFAULT_BY;
    for (const f of by) if (!(f in SUMMARY_FIELD_INFO)) throw new Error(`unknown summary field "${f}" (choose from ${SUMMARY_FIELDS.join(', ')})`);
    if (by.length === 0) throw new Error(`a summary needs at least one field to group by (${SUMMARY_FIELDS.join(', ')})`);
    this.by = [...new Set(by)];
  }

  /** Distinct articles added (a repost once). */
  get articles(): number {
    return this.seen.size;
  }

  /** Inputs that failed (error records added). */
  get failed(): number {
    return this.failedInputs;
  }

  /** Add one record (a repost adds only its name: its figures are already counted). Returns this. */
  add(record: OutputRecord): this {
    if (isErrorRecord(record)) {
      this.failedInputs++;
      return this;
    }
    const article = fingerprint(record);
    const name = articleName(record);
    const names = this.seen.get(article);
    if (!names) this.seen.set(article, [name]);
    else if (!names.includes(name)) names.push(name), names.sort();
    // A repost's figures go in too. Where its copy stated them they change no count (articles are
    // counted by fingerprint) and its sources take their place in name order; a figure only it
    // places (a copy without the byline's date puts it in no period) is its own. So every copy
    // counts the same whichever came first, in one run or in partitions merged.
    const statements = new Map<Cell, Map<string, ValueState>>();
    for (const m of record.metrics) {
      const exact = m.qualifier === null && m.range === null;
      const cell = this.cell(m, record);
      const source: Source = { file: record.file, value: m.value, text: m.text, span: m.span, sentence: m.sentence, sentenceSpan: m.sentenceSpan, article };
      if (record.id !== undefined) source.id = record.id;
      let mine = statements.get(cell);
      if (!mine) statements.set(cell, (mine = new Map()));
      const id = `${m.value}|${exact ? 1 : 0}`;
      const had = mine.get(id);
      if (!had) mine.set(id, { value: m.value, exact, half: halfWidth(m), articles: new Map([[article, 1]]), sources: [source] });
      else {
        had.articles.set(article, had.articles.get(article)! + 1);
        had.half = Math.max(had.half, halfWidth(m));
        had.sources = keepTwo([...had.sources, source]);
      }
    }
    for (const [cell, values] of statements) for (const v of values.values()) addValue(cell.values, v);
    return this;
  }

  private cell(m: Metric, r: ArticleResult): Cell {
    const key: Record<string, string | null> = {};
    for (const f of this.by) key[f] = SUMMARY_FIELD_INFO[f].of(m, r);
    const measure = CHANGE.has(m.metric) ? 'change' : 'level';
    const id = JSON.stringify([...this.by.map((f) => key[f]), m.unit, measure]);
    let cell = this.cells.get(id);
    if (!cell) {
      cell = { key, unit: m.unit, measure, values: new Map() };
      this.cells.set(id, cell);
    }
    return cell;
  }

  /** Fold another summary (grouped the same way) into this one; articles in both count once. Returns this. */
  merge(other: CorpusSummary): this {
    if (other.by.join() !== this.by.join()) {
      throw new Error(`cannot merge a summary grouped by ${other.by.join(',')} into one grouped by ${this.by.join(',')}`);
    }
    this.failedInputs += other.failedInputs;
    for (const [article, names] of other.seen) {
      const mine = this.seen.get(article);
      this.seen.set(article, mine ? [...new Set([...mine, ...names])].sort() : [...names]);
    }
    for (const [id, cell] of other.cells) {
      let mine = this.cells.get(id);
      if (!mine) this.cells.set(id, (mine = { ...cell, key: { ...cell.key }, values: new Map() }));
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
      articles: this.seen.size,
      failed: this.failedInputs,
      seen: [...this.seen.entries()].sort(byKey).map(([h, names]) => [h, [...names]]),
      cells: [...this.cells.entries()].sort(byKey).map(([, c]) => ({
        key: { ...c.key }, unit: c.unit, measure: c.measure,
        values: [...c.values.entries()].sort(byKey).map(([, v]) => ({
          value: v.value, exact: v.exact, half: v.half,
          articles: [...v.articles.entries()].sort(byKey),
          sources: v.sources.map((s) => ({ ...s })),
        })),
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
    out.failedInputs = Number(s.failed) || 0;
    s.seen.forEach((entry, i) => {
      if (!Array.isArray(entry) || typeof entry[0] !== 'string' || !Array.isArray(entry[1])) throw new Error(`summary "seen" entry ${i} is not [fingerprint, names]`);
      out.seen.set(entry[0], entry[1].map(String));
    });
    for (const [i, c] of s.cells.entries()) {
      const ok = c && typeof c.key === 'object' && typeof c.unit === 'string' && Array.isArray(c.values) &&
        c.values.every((v) => v && typeof v.value === 'number' && Array.isArray(v.articles) && Array.isArray(v.sources));
      if (!ok) throw new Error(`summary cell ${i} is malformed (it needs key, unit and values, each with value, articles and sources)`);
      const cell: Cell = { key: { ...c.key }, unit: c.unit, measure: c.measure, values: new Map() };
      for (const v of c.values) addValue(cell.values, { ...v, articles: new Map(v.articles), sources: v.sources.map((x) => ({ ...x })) });
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

const publicSource = ({ article: _, ...s }: Source): SummarySource => s;

function rowOf(cell: Cell, checkable: boolean): SummaryRow {
  const states = [...cell.values.values()];
  const values = [...new Set(states.map((v) => v.value))].sort((a, b) => a - b);
  const conflicting = checkable ? conflicts(states.filter((v) => v.exact)) : [];
  const shown = conflicting.length > 0 ? conflicting : states;
  const sources = shown.flatMap((v) => v.sources).sort((a, b) => a.value - b.value || sourceOrder(a, b)).map(publicSource);
  let mentions = 0;
  const articles = new Set<string>();
  for (const v of states) {
    for (const [a, n] of v.articles) {
      mentions += n;
      articles.add(a);
    }
  }
  return {
    key: { ...cell.key },
    unit: cell.unit,
    measure: cell.measure,
    values,
    min: values[0]!,
    max: values[values.length - 1]!,
    mentions,
    articles: articles.size,
    conflict: conflicting.length > 0,
    sources,
  };
}

/**
 * The values some other article contradicts beyond the rounding both allow. An article that itself
 * states both values (a total and its 其中 part under one indicator) contradicts no one with them:
 * X's a and Y's b conflict only if X states nothing that agrees with b, and Y nothing that agrees with a.
 */
function conflicts(exact: ValueState[]): ValueState[] {
  /** The articles stating a value that agrees with v. */
  const agreeing = (v: ValueState) => new Set(exact.filter((w) => !disagree(v, w)).flatMap((w) => [...w.articles.keys()]));
  const out = new Set<ValueState>();
  for (let i = 0; i < exact.length; i++) {
    for (let j = i + 1; j < exact.length; j++) {
      const a = exact[i]!;
      const b = exact[j]!;
      if (!disagree(a, b)) continue;
      const withB = agreeing(b);
      const withA = agreeing(a);
      const saysOnlyA = [...a.articles.keys()].filter((x) => !withB.has(x));
      const saysOnlyB = [...b.articles.keys()].filter((y) => !withA.has(y));
      if (saysOnlyA.length > 0 && saysOnlyB.length > 0) out.add(a).add(b);
    }
  }
  return [...out];
}
