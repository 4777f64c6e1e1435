/**
 * `zonefacts summarize`: one article → its card; several, a directory, or extract's JSONL → the
 * corpus table; `--merge` partial summaries → the summary of them all.
 */
import { availableParallelism } from 'node:os';
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { Command } from 'commander';
import { extract, extractBytes } from '../index.js';
import { CorpusSummary, DEFAULT_BY, SUMMARY_FIELDS, type SummaryField } from '../summarize/corpus.js';
import { summarizeArticle } from '../summarize/card.js';
import { isErrorRecord, type ArticleResult, type Metric, type OutputRecord } from '../types.js';
import { runRecords } from './batch.js';
import { EXIT, UsageError, type ExitCode } from './exit-codes.js';
import { tasks } from './inputs.js';
import { fileSink, OutputClosed, stdoutSink } from './output.js';
import { checkAttributionOptions, vocabularyOf } from './rules.js';
import type { Vocabulary } from '../vocab/index.js';

export interface SummarizeCliOptions {
  format?: string;
  by?: string;
  conflicts?: boolean;
  merge?: boolean;
  partial?: boolean;
  excel?: boolean;
  out?: string;
  jobs?: string;
  ext: string;
  color: boolean;
  rules?: string[];
  date?: string;
}

/** What --rules and --date give every article summarized from text (not from extract's own records). */
interface Attribution {
  vocab: Vocabulary;
  date?: string;
}

/** The command and its flags; main.ts adds the action. */
export function summarizeCommand(program: Command): Command {
  return program
    .command('summarize')
    .description('an article card for one input; a corpus table (zone × indicator × period) for several')
    .argument('[inputs...]', "files, directories, globs, extract's JSONL output, or with --merge partial summaries")
    .option('-f, --format <format>', 'table, json, md or csv (csv: corpus only; default: table on a terminal, else json)')
    .option('--by <fields>', `group the corpus by these (${SUMMARY_FIELDS.join(', ')})`, DEFAULT_BY.join(','))
    .option('--conflicts', 'only the rows where articles disagree')
    .option('--merge', 'the inputs are partial summaries (--format json) to merge into one')
    .option('--partial', 'write the mergeable corpus summary (JSON), even for one input')
    .option('--excel', 'csv for Excel: a UTF-8 BOM, formula-like cells guarded')
    .option('-o, --out <file>', 'write output to this file, atomically')
    .option('-j, --jobs <n>', 'worker threads (default: the number of cores)')
    .option('--ext <list>', 'file extensions to take from directories', 'txt,html,htm')
    .option('--no-color', 'no colour in the terminal output');
}

const FORMATS = ['table', 'json', 'md', 'csv'] as const;
type SummaryFormat = (typeof FORMATS)[number];

function parseBy(value: string): SummaryField[] {
  const fields = value.split(',').map((f) => f.trim()).filter(Boolean);
  const bad = fields.filter((f) => !(SUMMARY_FIELDS as string[]).includes(f));
  if (bad.length || fields.length === 0) throw new UsageError(`--by: unknown field "${bad[0] ?? value}" (choose from ${SUMMARY_FIELDS.join(', ')})`);
  return fields as SummaryField[];
}

const JSONL = /\.(jsonl|ndjson)$/i;

/** One JSONL line: an extract record (it has `metrics` or `error`) as it is, an input record extracted. */
function lineRecord(line: string, where: string, at: Attribution): OutputRecord {
  let rec: Record<string, unknown>;
  try {
    rec = JSON.parse(line) as Record<string, unknown>;
  } catch (err) {
    return { file: where, error: { code: 'BAD_JSON', message: `not valid JSON (${(err as Error).message})` } };
  }
  if (!rec || typeof rec !== 'object' || Array.isArray(rec)) return { file: where, error: { code: 'BAD_RECORD', message: 'not a JSON object' } };
  if (Array.isArray(rec.metrics) && Array.isArray(rec.checks) && typeof rec.file === 'string') {
    const bad = rec.metrics.findIndex((m: Partial<Metric> | null) => !m || typeof m.value !== 'number' || typeof m.unit !== 'string' || typeof m.raw !== 'string' || typeof m.sentence !== 'string' || !Array.isArray(m.span));
    if (bad >= 0) return { file: where, error: { code: 'BAD_RECORD', message: `metric ${bad} lacks a number value or a string unit, raw or sentence, or a span` } };
    return rec as unknown as ArticleResult;
  }
  if (rec.error && typeof rec.file === 'string') return rec as unknown as OutputRecord;
  const { id, text, html, ...extra } = rec;
  const body = typeof text === 'string' ? text : typeof html === 'string' ? html : null;
  if (body === null) return { file: where, error: { code: 'BAD_RECORD', message: 'neither an extract record (metrics, checks) nor an input record (text or html)' } };
  return extract(body, { file: where.replace(/:\d+$/, ''), id: id == null ? where : String(id), inputFormat: typeof text === 'string' ? 'auto' : 'html', includeText: true, extra, vocab: at.vocab, date: at.date });
}

async function* jsonlLines(file: string, input: NodeJS.ReadableStream, at: Attribution): AsyncGenerator<OutputRecord> {
  let n = 0;
  const { createInterface } = await import('node:readline');
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    n++;
    if (line.trim()) yield lineRecord(line, `${file}:${n}`, at);
  }
}

async function* jsonlFile(file: string, at: Attribution): AsyncGenerator<OutputRecord> {
  const stream = createReadStream(file);
  const failed = await new Promise<NodeJS.ErrnoException | null>((resolve) => {
    stream.once('open', () => resolve(null));
    stream.once('error', resolve);
  });
  if (failed) {
    yield { file, error: { code: failed.code === 'ENOENT' || failed.code === 'EACCES' ? failed.code : 'READ_ERROR', message: failed.message } };
    return;
  }
  yield* jsonlLines(file, stream, at);
}

/** Standard input: extract's JSONL (`zonefacts extract dir | zonefacts summarize`), streamed, or one article. */
async function* stdinRecords(at: Attribution): AsyncGenerator<OutputRecord> {
  const stdin = process.stdin;
  const first = await new Promise<Buffer | null>((resolve) => {
    stdin.once('data', (chunk: Buffer) => {
      stdin.pause();
      resolve(chunk);
    });
    stdin.once('end', () => resolve(null));
  });
  if (first && first.toString('utf8').trimStart().startsWith('{')) {
    const { PassThrough } = await import('node:stream');
    const rest = new PassThrough();
    rest.write(first);
    stdin.pipe(rest);
    yield* jsonlLines('-', rest, at);
    return;
  }
  const { readStdin } = await import('./process-task.js');
  const tail = first ? await readStdin(50 * 1024 * 1024) : Buffer.alloc(0);
  if (!Buffer.isBuffer(tail)) return yield tail;
  yield extractBytes(first ? Buffer.concat([first, tail]) : tail, { file: '-', includeText: true, vocab: at.vocab, date: at.date });
}

/** Every record of the inputs, in order: articles extracted (with their text, for keywords), JSONL read. */
async function* records(inputs: string[], ext: string[], jobs: number, o: SummarizeCliOptions): AsyncGenerator<OutputRecord> {
  const options = { inputFormat: 'auto' as const, includeText: true, maxBytes: 50 * 1024 * 1024, segment: false, rules: o.rules, date: o.date };
  const at: Attribution = { vocab: vocabularyOf(o.rules), date: o.date };
  for (const arg of inputs) {
    if (arg === '-') yield* stdinRecords(at);
    else if (JSONL.test(arg)) yield* jsonlFile(arg, at);
    else yield* runRecords(tasks([arg], { ext, jsonl: false }), options, jobs);
  }
}

function isOneFile(inputs: string[]): boolean {
  try {
    return inputs.length === 1 && !JSONL.test(inputs[0]!) && (inputs[0] === '-' || statSync(inputs[0]!).isFile());
  } catch {
    return false;
  }
}

async function mergePartials(files: string[], by: SummaryField[] | null, fail: (file: string, msg: string) => void): Promise<CorpusSummary | null> {
  let out: CorpusSummary | null = null;
  for await (const t of tasks(files, { ext: ['json'], jsonl: false })) {
    try {
      if (t.type === 'error') throw new Error(t.message);
      const part = CorpusSummary.fromJSON(JSON.parse(readFileSync(t.file, 'utf8')));
      if (by && part.by.join() !== by.join()) throw new Error(`grouped by ${part.by.join(',')}, not ${by.join(',')} (--by)`);
      out = out ? out.merge(part) : part;
    } catch (err) {
      fail(t.file, (err as Error).message);
    }
  }
  return out;
}

export async function runSummarize(inputs: string[], o: SummarizeCliOptions, byGiven: boolean): Promise<ExitCode> {
  const tty = process.stdout.isTTY === true && !o.out;
  const asked = o.format ?? (o.excel ? 'csv' : o.partial ? 'json' : tty ? 'table' : 'json');
  if (!(FORMATS as readonly string[]).includes(asked)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')} (got "${asked}")`);
  const format = asked as SummaryFormat;
  if (o.partial && format !== 'json') throw new UsageError('--partial writes JSON: drop --format, or use --format json');
  const by = parseBy(o.by ?? DEFAULT_BY.join(','));
  checkAttributionOptions(o);
  const jobs = o.jobs ? Number(o.jobs) : availableParallelism();
  if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError(`--jobs must be a whole number of at least 1 (got "${o.jobs}")`);
  if (o.excel && format !== 'csv') throw new UsageError('--excel shapes csv: drop --format, or use --format csv');
  if (inputs.length === 0 && !o.merge && !process.stdin.isTTY) inputs = ['-'];
  if (inputs.length === 0) throw new UsageError(o.merge ? '--merge needs the partial summaries to merge (part-*.json)' : 'no input: name files, directories or a JSONL file, or - for standard input');
  const sink = o.out ? fileSink(o.out) : stdoutSink();

  let failed = 0;
  const fail = (file: string, message: string) => {
    failed++;
    process.stderr.write(`zonefacts: ${file}: ${message}\n`);
  };
  let summary: CorpusSummary;
  let first: ArticleResult | null = null;
  let count = 0;
  if (o.merge) {
    summary = (await mergePartials(inputs, byGiven ? by : null, fail)) ?? new CorpusSummary({ by });
  } else {
    summary = new CorpusSummary({ by });
    const ext = o.ext.split(',').map((e) => e.trim()).filter(Boolean);
    for await (const r of records(inputs, ext, jobs, o)) {
      if (isErrorRecord(r)) fail(r.file, `${r.error.message} [${r.error.code}]`);
      else if (count++ === 0) first = r;
      summary.add(r);
    }
  }

  const cardOnly = !o.merge && !o.partial && !o.conflicts && !byGiven && format !== 'csv' && isOneFile(inputs) && first !== null && count === 1;
  const color = o.color && !process.env.NO_COLOR && tty;
  const width = process.stdout.columns || 120;
  let text: string;
  if (cardOnly) {
    const card = summarizeArticle(first!);
    const emit = await import('../emit/card.js');
    if (format === 'json') text = emit.cardJson(card);
    else if (format === 'md') text = emit.cardMarkdown(card);
    else {
      const [{ default: stringWidth }, { Chalk }] = await Promise.all([import('string-width'), import('chalk')]);
      text = emit.cardText(card, new Chalk({ level: color ? 1 : 0 }), stringWidth, { width });
    }
  } else {
    const rows = summary.rows().filter((r) => !o.conflicts || r.conflict);
    const emit = await import('../emit/corpus.js');
    if (format === 'json') text = emit.corpusJson(summary, rows);
    else if (format === 'csv') text = emit.corpusCsv(summary, rows, { excel: o.excel });
    else if (format === 'md') text = emit.corpusMarkdown(summary, rows);
    else {
      const [{ default: stringWidth }, { Chalk }] = await Promise.all([import('string-width'), import('chalk')]);
      text = emit.corpusTable(summary, rows, new Chalk({ level: color ? 1 : 0 }), stringWidth, { width });
    }
  }
  try {
    await sink.write(text);
    await sink.commit();
  } catch (err) {
    sink.abort();
    if (!(err instanceof OutputClosed)) throw err;
  }
  return failed > 0 ? EXIT.inputFailed : EXIT.ok;
}
