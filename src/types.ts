/**
 * The data model: plain, JSON-safe objects that every stage takes and returns.
 * Field names are the public contract of the JSON output (see README, "Output schema").
 */

/** Half-open `[start, end)` UTF-16 offsets into the input text as decoded. */
export type Span = [number, number];

export type Kind = 'money' | 'percent' | 'percentage_point' | 'multiple' | 'count' | 'area';

export type MetricName =
  | 'investment'
  | 'project_count'
  | 'enterprise_count'
  | 'people_count'
  | 'growth_rate'
  | 'growth_multiple'
  | 'percentage_point'
  | 'share'
  | 'amount'
  | 'area'
  | 'count';

export type Qualifier = 'approx' | 'over' | 'under' | 'at_least';

export type Script = 'simplified' | 'traditional' | 'mixed' | 'none';

export interface Info {
  description: string;
}

/** Every kind has an entry here, so a new kind fails to compile until it is documented. */
export const KIND_INFO: Record<Kind, Info & { scored: boolean }> = {
  money: { description: 'an amount of money, in whole currency units', scored: true },
  percent: { description: 'a percentage: the number before %', scored: true },
  percentage_point: { description: 'a gap in percentage points', scored: true },
  multiple: { description: 'a multiple (N倍)', scored: true },
  count: { description: 'a count of projects, enterprises, people or things', scored: true },
  area: { description: 'a land or floor area, in square metres', scored: true },
};

export const METRIC_INFO: Record<MetricName, Info> = {
  investment: { description: 'money invested or to be invested (总投资, 计划投资, 签约金额, 实际利用外资)' },
  project_count: { description: 'a count of projects (项目, 项)' },
  enterprise_count: { description: 'a count of enterprises, companies or institutions (企业, 家)' },
  people_count: { description: 'a count of people (人, 名, 位)' },
  growth_rate: { description: 'a percent that is a rate of change (增长, 增速, 下降)' },
  growth_multiple: { description: 'a multiple of change (增长N倍)' },
  percentage_point: { description: 'a percentage-point gap' },
  share: { description: 'a percent that is a proportion or a rate (占比, 比重, 率)' },
  amount: { description: 'any other money: output, revenue, tax, financing, subsidies' },
  area: { description: 'a land or floor area' },
  count: { description: 'any other count' },
};

export const QUALIFIER_INFO: Record<Qualifier, Info> = {
  approx: { description: '约, 近, 左右, 大约' },
  over: { description: '超, 超过, 逾, 余, 多, 以上, 突破' },
  under: { description: '不到, 不足, 以下, 低于' },
  at_least: { description: '不低于, 不少于, 至少' },
};

export interface Metric {
  kind: Kind;
  metric: MetricName;
  /** Normalized value: money in whole units, percent as the number before %, area in m². */
  value: number;
  /** ISO currency, `%`, `pp`, `x`, the counted noun, `m2` or `day`. */
  unit: string;
  /** Number and unit as written. */
  raw: string;
  /** Exact substring of the input: `input.slice(span[0], span[1]) === text`. */
  text: string;
  span: Span;
  sentence: string;
  sentenceSpan: Span;
  /**
   * Present (true) when the sentence was longer than 500 characters: `sentence` and
   * `sentenceSpan` are then a window of it around the figure (40 characters either side).
   */
  sentenceTruncated?: true;
  label: string | null;
  period: string | null;
  qualifier: Qualifier | null;
  /** `low` or `high` when the number is one end of a range (10—20亿元). */
  range: 'low' | 'high' | null;
  /** Id of the extraction rule that produced it. */
  rule: string;
  /** The development zone the figure is about, by the fullest name the article gives; null for none. */
  zone: string | null;
  /** An indicator id from the vocabulary (`zonefacts rules`), or `other`. */
  indicator: string;
  /** The canonical name of `indicator`, or null for `other`. */
  indicatorName: string | null;
  /** `period` resolved to a month range, or null where no year can be found. */
  when: When | null;
  /** The comparison base as written (上年同期, 2022年), never the period. */
  base: string | null;
}

/** A month range, both ends `YYYY-MM` and inclusive. */
export interface When {
  from: string;
  to: string;
}

/** A zone an article is about: its fullest name, every form written, and how many figures it holds. */
export interface ZoneMention {
  name: string;
  names: string[];
  metrics: number;
}

export type CheckId =
  | 'growth-multiple'
  | 'growth-rate'
  | 'change-amount'
  | 'current-prior'
  | 'share-range'
  | 'percentage-point'
  | 'parts-total'
  | 'new-within-total'
  | 'share'
  | 'per-unit'
  | 'rate-gap'
  | 'contribution'
  | 'conflict'
  | 'counted-list';

export type Severity = 'info' | 'warning' | 'error';

export type CheckStatus = 'consistent' | 'inconsistent' | 'unverifiable';

export interface Check {
  id: CheckId;
  /** consistent (info), inconsistent (warning or error), or unverifiable (something it needs is not stated). */
  status: CheckStatus;
  severity: Severity;
  /** Indices into `metrics` of the figures involved. */
  metrics: number[];
  /** The relation in words, with the figures as written: 工业项目25个 + 服务业项目15个 = 共签约项目40个. */
  claim: string;
  /** The verdict in words: what was expected, what is stated, or what is missing. */
  message: string;
  /** The value the relation gives, in the units of the stated figure's metric (null when unverifiable). */
  expected: number | null;
  /** The value the article states. */
  actual: number | null;
  /** How far expected and actual may be apart and still agree. */
  tolerance: number | null;
  /** Why that tolerance: the rounding of each figure, propagated; or what is missing. */
  toleranceWhy: string | null;
  /** The span of every figure involved, in the order of `metrics`. */
  spans: Span[];
}

export interface DocMeta {
  title?: string;
  /** Publication date `YYYY-MM-DD`, with `THH:MM` when the page gives the time. */
  published?: string;
  /** The date as the page wrote it. */
  publishedRaw?: string;
  source?: string;
  /** The byline's author(s), names joined by 、; absent rather than guessed. */
  author?: string;
  /** 责任编辑: the desk editor, kept apart from the author. */
  editor?: string;
  url?: string;
}

export interface ArticleResult {
  file: string;
  id?: string;
  script: Script;
  chars: number;
  encoding?: string;
  meta?: DocMeta;
  /** Publication date `YYYY-MM-DD` (byline, page metadata, a JSONL `date`/`published` field, `--date`), or null. */
  published: string | null;
  /** The zones the article's figures are about. */
  zones: ZoneMention[];
  warnings?: string[];
  metrics: Metric[];
  checks: Check[];
  /** The text the spans point into, when asked for (`includeText`), or always for HTML input. */
  text?: string;
  /** Fields of a JSONL input record other than id/text/html, passed through. */
  extra?: Record<string, unknown>;
}

export interface ErrorRecord {
  file: string;
  /** The input record's id, when the input was a JSONL record that had one. */
  id?: string;
  /** For JSONL input: the 1-based line number of the record that failed (`file` is then `path:line`). */
  line?: number;
  error: { code: ErrorCode; message: string };
}

export type ErrorCode =
  | 'ENOENT'
  | 'EACCES'
  | 'EISDIR'
  | 'BINARY'
  | 'TOO_LARGE'
  | 'BAD_JSON'
  | 'BAD_RECORD'
  | 'READ_ERROR'
  | 'INTERNAL';

export const ERROR_CODE_INFO: Record<ErrorCode, Info> = {
  ENOENT: { description: 'the file does not exist' },
  EACCES: { description: 'the file cannot be read (permissions)' },
  EISDIR: { description: 'a directory where a file was expected' },
  BINARY: { description: 'the file is binary (an image, an archive), not text or HTML' },
  TOO_LARGE: { description: 'the file is larger than --max-bytes' },
  BAD_JSON: { description: 'a JSONL input line is not valid JSON' },
  BAD_RECORD: { description: 'a JSONL input record has no string "text" or "html" field' },
  READ_ERROR: { description: 'any other read failure' },
  INTERNAL: { description: 'an unexpected failure while processing this input (a bug: please report it)' },
};

export type OutputRecord = ArticleResult | ErrorRecord;

export function isErrorRecord(r: OutputRecord): r is ErrorRecord {
  return (r as ErrorRecord).error !== undefined;
}

/**
 * One row of a corpus summary (`zonefacts summarize DIR --by zone,indicator,when`): the figures
 * that share a key, across articles. Duplicate articles (reposts) are counted once.
 */
export interface SummaryRow {
  /** The grouping fields asked for (`--by`), each with its value: zone, indicator, when (`2023-01..2023-12`), period, metric, file. */
  key: Record<string, string | null>;
  unit: string;
  /** `level` (a stated amount, count, share) or `change` (growth rate, multiple, percentage points): kept apart under one key. */
  measure?: 'level' | 'change';
  /** The distinct values stated, ascending. */
  values: number[];
  min: number;
  max: number;
  mentions: number;
  articles: number;
  /** Two articles state values for the same key that differ beyond the rounding of their written precision. */
  conflict: boolean;
  /** Where each mention comes from, so a reader can go to the sentence. */
  sources: SummarySource[];
}

export interface SummarySource {
  file: string;
  id?: string;
  value: number;
  text: string;
  span: Span;
  sentence: string;
  /** Where `sentence` is in the article, so `span` can be found in it. */
  sentenceSpan?: Span;
}
