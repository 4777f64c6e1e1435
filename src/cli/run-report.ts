/**
 * `zonefacts report`: inputs → records (with their text) → an HTML page, or a directory of pages.
 */
import { availableParallelism } from 'node:os';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { renderReport, renderReportPages } from '../emit/report/index.js';
import type { OutputRecord } from '../types.js';
import { runBatch } from './batch.js';
import { EXIT, UsageError, type ExitCode } from './exit-codes.js';
import { tasks } from './inputs.js';
import { fileSink, stdoutSink } from './output.js';
import { checkAttributionOptions } from './rules.js';

export interface ReportCliOptions {
  out?: string;
  ext: string;
  title?: string;
  jobs?: string;
  rules?: string[];
  date?: string;
}

/** `-o DIR/` or an existing directory: one page per article; otherwise one file. */
const isDir = (out: string) => out.endsWith('/') || out.endsWith(path.sep) || (existsSync(out) && statSync(out).isDirectory());

export async function runReport(inputs: string[], o: ReportCliOptions): Promise<ExitCode> {
  if (inputs.length === 0) throw new UsageError('no input: name the articles to report on (files, directories or globs)');
  const jobs = o.jobs ? Number(o.jobs) : availableParallelism();
  if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError(`--jobs must be a whole number of at least 1 (got "${o.jobs}")`);
  const ext = o.ext.split(',').map((e) => e.trim()).filter(Boolean);
  checkAttributionOptions(o);
  const taskOptions = { inputFormat: 'auto' as const, includeText: true, maxBytes: 50 * 1024 * 1024, segment: false, rules: o.rules, date: o.date };
  const records: OutputRecord[] = [];
  for await (const r of runBatch(tasks(inputs, { ext, jsonl: false }), { task: taskOptions, shape: { format: 'jsonl', fields: null } }, jobs)) {
    for (const e of r.errors) process.stderr.write(`zonefacts: ${e.file}: ${e.error.message} [${e.error.code}]\n`);
    // the records come as JSON lines, one per input
    for (const line of r.text.split('\n')) if (line) records.push(JSON.parse(line) as OutputRecord);
  }
  const options = o.title ? { title: o.title } : {};
  if (o.out && isDir(o.out)) {
    mkdirSync(o.out, { recursive: true });
    for (const p of renderReportPages(records, options)) writeFileSync(path.join(o.out, p.name), p.html);
  } else {
    const sink = o.out ? fileSink(o.out) : stdoutSink();
    await sink.write(renderReport(records, options));
    await sink.commit();
  }
  const failed = records.filter((r) => 'error' in r).length;
  process.stderr.write(`zonefacts: ${records.length} input(s), ${records.length - failed} ok, ${failed} failed${o.out ? ` → ${o.out}` : ''}\n`);
  return failed > 0 ? EXIT.inputFailed : EXIT.ok;
}
