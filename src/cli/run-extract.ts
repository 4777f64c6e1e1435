/**
 * `zonefacts extract` and `zonefacts check`: inputs → records → an emitter → stdout or --out.
 */
import { availableParallelism } from 'node:os';
import { statSync, writeFileSync } from 'node:fs';
import { csvHeader } from '../emit/csv.js';
import { parseFields, type MetricField } from '../emit/fields.js';
import { FORMATS } from '../emit/formats.js';
import { emptySummary, type Summary } from '../summary.js';
import type { OutputRecord, Severity } from '../types.js';
import { normalizeEncoding } from '../ingest/decode.js';
import { runBatch } from './batch.js';
import { EXIT, UsageError, type ExitCode } from './exit-codes.js';
import { isGlob, tasks } from './inputs.js';
import { fileSink, OutputClosed, stdoutSink, type Sink } from './output.js';
import { Progress } from './progress.js';
import type { OutputShape } from './result.js';
import { checkAttributionOptions } from './rules.js';


export interface ExtractCliOptions {
  format?: string;
  inputFormat: string;
  ext: string;
  encoding?: string;
  out?: string;
  jobs?: string;
  quiet?: boolean;
  includeText?: boolean;
  color: boolean;
  maxBytes: string;
  summary?: string;
  failOn?: string;
  segment?: boolean;
  fields?: string;
  rules?: string[];
  date?: string;
}

const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

function choose<T extends string>(value: string, allowed: readonly T[], flag: string): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${flag} must be one of ${allowed.join(', ')} (got "${value}")`);
}

function positiveInt(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag} must be a whole number of at least 1 (got "${value}")`);
  return n;
}

/** A plain file or stdin, not a directory or a glob: its json output is one object, not an array. */
function isSingleInput(arg: string): boolean {
  if (arg === '-') return true;
  if (isGlob(arg)) return false;
  try {
    return statSync(arg).isFile();
  } catch {
    return true; // a missing file still gets one (error) record
  }
}

/**
 * JSON lines → a JSON array, piece by piece: the line break after each record becomes the comma
 * before the next. `null` ends the document. For a single input, the record as it is.
 */
function jsonArray(single: boolean): (text: string | null) => string {
  let started = false;
  let owed = false; // a record ended: a comma is owed before the next
  return (text) => {
    if (single) return text ?? '';
    if (text === null) return started ? ']\n' : '[]\n';
    if (text === '') return '';
    const prefix = !started ? '[' : owed ? ',\n' : '';
    started = true;
    owed = text.endsWith('\n');
    return prefix + (owed ? text.slice(0, -1) : text).replaceAll('\n', ',\n');
  };
}

function mergeSummary(into: Summary, add: Summary): void {
  for (const key of ['inputs', 'ok', 'failed', 'chars', 'metrics', 'warnings'] as const) into[key] += add[key];
  for (const key of ['byKind', 'byMetric', 'byScript', 'checks', 'errors'] as const) {
    for (const [k, v] of Object.entries(add[key])) into[key][k] = (into[key][k] ?? 0) + v;
  }
}

export async function runExtract(inputs: string[], o: ExtractCliOptions, command: 'extract' | 'check'): Promise<ExitCode> {
  // check fails on errors unless told otherwise; extract fails on findings only when asked
  if (command === 'check' && o.failOn === undefined) o.failOn = 'error';
  const format = choose(o.format ?? (process.stdout.isTTY && !o.out ? 'table' : 'jsonl'), FORMATS, '--format');
  const inputFormat = choose(o.inputFormat, ['auto', 'text', 'html', 'jsonl'] as const, '--input-format');
  const failOn = o.failOn ? choose(o.failOn, ['info', 'warning', 'error'] as const, '--fail-on') : null;
  const jobs = o.jobs ? positiveInt(o.jobs, '--jobs') : availableParallelism();
  const maxBytes = positiveInt(o.maxBytes, '--max-bytes');
  if (o.encoding && !normalizeEncoding(o.encoding)) {
    throw new UsageError(`--encoding: unknown encoding "${o.encoding}" (try utf-8, gbk, gb18030, big5, utf-16le)`);
  }
  let fields: MetricField[] | null = null;
  if (o.fields !== undefined) {
    try {
      fields = parseFields(o.fields);
    } catch (err) {
      throw new UsageError(`--fields: ${(err as Error).message}`);
    }
  }
  const shape: OutputShape = { format: format === 'csv' ? 'csv' : 'jsonl', fields };
  checkAttributionOptions(o);
  if (inputs.length === 0) {
    if (process.stdin.isTTY) throw new UsageError('no input: name files or directories, or - to read standard input');
    inputs = ['-'];
  }
  const sink: Sink = o.out ? fileSink(o.out) : stdoutSink();
  // the table's dependencies (chalk, string-width) load only for the table
  const color = o.color && !process.env.NO_COLOR && !o.out && process.stdout.isTTY === true;
  const table = format === 'table' ? await (await import('../emit/table.js')).tableEmitter(color) : null;
  const progress = new Progress(!o.quiet && process.stderr.isTTY === true);
  const ext = o.ext.split(',').map((e) => e.trim()).filter(Boolean);
  const taskOptions = {
    inputFormat: inputFormat === 'jsonl' ? ('auto' as const) : inputFormat,
    encoding: o.encoding,
    includeText: o.includeText === true,
    maxBytes,
    segment: o.segment === true,
    rules: o.rules ?? [],
    date: o.date,
  };

  // For an ETA the bar needs the number of inputs: list them first (names only) when it is shown
  if (progress.enabled && inputFormat !== 'jsonl' && !inputs.includes('-')) {
    let total = 0;
    for await (const _ of tasks(inputs, { ext, jsonl: false })) total++;
    progress.setTotal(total);
  }

  const summary = emptySummary();
  // json: one document for one file (or stdin), otherwise an array, streamed record by record
  const single = format === 'json' && inputs.length === 1 && inputFormat !== 'jsonl' && isSingleInput(inputs[0]!);
  const toJson = jsonArray(single);
  let worst = -1;
  if (format === 'csv') await sink.write(csvHeader(fields));
  try {
    for await (const r of runBatch(tasks(inputs, { ext, jsonl: inputFormat === 'jsonl' }), { task: taskOptions, shape }, jobs)) {
      mergeSummary(summary, r.summary);
      if (r.records > 0) progress.tick(r.summary.chars, r.summary.failed, r.records);
      for (const e of r.errors) {
        progress.finish();
        process.stderr.write(`zonefacts: ${e.file}: ${e.error.message} [${e.error.code}]\n`);
      }
      for (const severity of Object.keys(r.summary.checks) as Severity[]) worst = Math.max(worst, SEVERITY_RANK[severity]);
      if (format === 'json') await sink.write(toJson(r.text));
      else if (format === 'table') {
        for (const line of r.text.split('\n')) if (line) await sink.write(table!(JSON.parse(line) as OutputRecord));
      } else if (r.text) await sink.write(r.text);
    }
    if (format === 'json') await sink.write(toJson(null));
    await sink.commit();
  } catch (err) {
    sink.abort();
    if (err instanceof OutputClosed) return EXIT.ok;
    throw err;
  }
  progress.finish();
  if (o.summary) writeFileSync(o.summary, `${JSON.stringify(summary, null, 2)}\n`);
  if (!o.quiet || summary.failed > 0) {
    process.stderr.write(
      `zonefacts: ${summary.inputs} input(s), ${summary.ok} ok, ${summary.failed} failed, ${summary.metrics} metrics` +
        `${summary.checks.error || summary.checks.warning ? `, ${(summary.checks.error ?? 0) + (summary.checks.warning ?? 0)} check findings` : ''}\n`,
    );
  }
  if (summary.failed > 0) return EXIT.inputFailed;
  if (failOn && worst >= SEVERITY_RANK[failOn]) return EXIT.checkFailed;
  return EXIT.ok;
}
