/**
 * zonefacts: the library API. The CLI is a thin shell over these functions.
 *
 *   import { extract } from 'zonefacts';
 *   const result = extract('总投资797.3亿元', { file: 'a.txt' });
 */
import { analyze } from './analyze.js';
import { ingestBytes, ingestText, InputError, type Doc, type IngestOptions } from './ingest/index.js';
import { bylineDate, normalizeDate } from './attribute/published.js';
import type { ArticleResult, ErrorRecord, OutputRecord } from './types.js';
import type { Vocabulary } from './vocab/index.js';

export * from './types.js';
export { analyze } from './analyze.js';
export { runChecks as check } from './check/index.js';
export { score, locate, type GoldFile, type GoldArticle, type GoldItem, type Score, type Tally } from './eval/score.js';
export { summarize, type Summary } from './summary.js';
export { buildVocabulary, builtinVocabulary, validateRules, RulesError, type Vocabulary, type RulesFile, type IndicatorRule } from './vocab/index.js';
export {
  summarizeArticle, CorpusSummary, DEFAULT_BY, SUMMARY_FIELDS,
  type ArticleCard, type CardGroup, type CardFigure, type CardGrowth, type CardChecks, type CardOptions, type SummaryField, type CorpusState,
} from './summarize/index.js';

export interface ExtractOptions extends IngestOptions {
  /** Name of the input, reported as `file`. */
  file?: string;
  /** An id from a JSONL input record. */
  id?: string;
  /** Include the analysed text in the result (always on for HTML, whose body text spans point into). */
  includeText?: boolean;
  /** Fields passed through to the result, from a JSONL input record. */
  extra?: Record<string, unknown>;
  /** Trim labels with word segmentation (nodejieba; ~1.3 s to load, on first use). */
  segment?: boolean;
  /** Indicators and zone words (default: the built-in vocabulary; see `buildVocabulary`). */
  vocab?: Vocabulary;
  /** The publication date to use when the input states none (YYYY-MM-DD). */
  date?: string;
}

/** The publication date: an input record's date/published field, the page metadata, a byline in the text, else `date`. */
function publishedOf(doc: Doc, options: ExtractOptions): string | null {
  return (
    normalizeDate(options.extra?.published) ??
    normalizeDate(options.extra?.date) ??
    normalizeDate(doc.meta?.published) ??
    bylineDate(doc.text) ??
    normalizeDate(options.date)
  );
}

function result(doc: Doc, options: ExtractOptions): ArticleResult {
  const published = publishedOf(doc, options);
  const { script, metrics, zones, checks } = analyze(doc.text, { segment: options.segment, vocab: options.vocab, published });
  // id first when there is one: a reader of JSONL sees it at the start of each line
  const out: ArticleResult =
    options.id !== undefined
      ? { id: options.id, file: options.file ?? '-', script, chars: doc.text.length, published, zones, metrics, checks }
      : { file: options.file ?? '-', script, chars: doc.text.length, published, zones, metrics, checks };
  if (doc.encoding) out.encoding = doc.encoding;
  if (doc.meta && Object.keys(doc.meta).length > 0) out.meta = doc.meta;
  if (doc.warnings.length > 0) out.warnings = doc.warnings;
  if (options.includeText || doc.html) out.text = doc.text;
  if (options.extra && Object.keys(options.extra).length > 0) out.extra = options.extra;
  return out;
}

/** Extract the metrics of one article given as a string (plain text or HTML). Never throws. */
export function extract(input: string, options: ExtractOptions = {}): ArticleResult {
  return result(ingestText(String(input), options), options);
}

/**
 * Extract from raw bytes: the encoding is detected (or forced with `encoding`). Returns an error
 * record, never throws, for input that is not text (an image, an archive).
 */
export function extractBytes(bytes: Uint8Array, options: ExtractOptions = {}): OutputRecord {
  try {
    return result(ingestBytes(bytes, options), options);
  } catch (err) {
    return errorRecord(options, err);
  }
}

export function errorRecord(options: { file?: string; id?: string }, err: unknown): ErrorRecord {
  const rec: ErrorRecord = { file: options.file ?? '-', error: { code: 'INTERNAL', message: String(err) } };
  if (options.id !== undefined) rec.id = options.id;
  if (err instanceof InputError) {
    rec.error = { code: err.code === 'BINARY' ? 'BINARY' : 'READ_ERROR', message: err.message };
  } else if (err && typeof err === 'object' && 'code' in err && typeof err.code === 'string') {
    const code = err.code;
    const known = code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR' ? code : 'READ_ERROR';
    const reason = known === 'ENOENT' ? 'no such file' : known === 'EACCES' ? 'permission denied' : known === 'EISDIR' ? 'is a directory' : String((err as unknown as Error).message);
    rec.error = { code: known, message: reason };
  } else if (err instanceof Error) {
    rec.error = { code: 'INTERNAL', message: err.message };
  }
  return rec;
}
export { renderReport, renderReportPages, rowsForReport, type ReportOptions, type ReportPage } from './emit/report/index.js';
