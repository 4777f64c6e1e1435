/**
 * A very large plain-text file (a dump of concatenated articles) read, analysed and written a
 * window at a time, so that memory stays flat whatever the size of the file: the bytes are
 * decoded as they are read, the library analyses them in windows cut at paragraph boundaries
 * (spans stay global), and each window's metrics go to the output before the next is read.
 *
 * The streamed record holds the same fields as any other, in a different order: metrics first,
 * then checks, script, chars, published, zones and warnings, which are known only at the end.
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { errorRecord } from '../index.js';
import { assertText, decode } from '../ingest/decode.js';
import { looksLikeHtml } from '../ingest/html.js';
import { analyzeWindows } from '../window.js';
import { csvRows } from '../emit/csv.js';
import { pickFields } from '../emit/fields.js';
import { emptySummary, type Summary } from '../summary.js';
import type { Metric, Severity, ZoneMention } from '../types.js';
import { mergeZones } from '../analyze.js';
import { bylineDate, normalizeDate } from '../attribute/published.js';
import { vocabOf, type OpenFile, type TaskOptions } from './process-task.js';
import { resultOf, type OutputShape, type Result } from './result.js';

/** Files larger than this are streamed (ZONEFACTS_STREAM_BYTES overrides it, for tests). */
export function streamBytes(): number {
  const env = Number(process.env.ZONEFACTS_STREAM_BYTES);
  return Number.isInteger(env) && env > 0 ? env : 8 * 1024 * 1024;
}

const CHUNK = 1024 * 1024;

/**
 * Output is handed on in pieces of about this many characters: strings this small are collected
 * young, where larger ones would pile up in the old generation until a full collection.
 */
const PIECE = 32 * 1024;

/** Whether the file should be streamed: large, within --max-bytes, plain text (HTML is read whole). */
export function shouldStream(f: OpenFile, o: TaskOptions): boolean {
  return f.size > streamBytes() && f.size <= o.maxBytes && o.inputFormat !== 'html' && !o.includeText;
}

function countMetrics(s: Summary, metrics: readonly Metric[]): void {
  s.metrics += metrics.length;
  for (const m of metrics) {
    s.byKind[m.kind] = (s.byKind[m.kind] ?? 0) + 1;
    s.byMetric[m.metric] = (s.byMetric[m.metric] ?? 0) + 1;
  }
}

function countReplacements(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\ufffd'); i >= 0; i = text.indexOf('\ufffd', i + 1)) n++;
  return n;
}

/** Checks as JSON, written to a temporary file as they come and read back, comma-separated, at the end. */
class Spool {
  private readonly dir = mkdtempSync(path.join(tmpdir(), 'zonefacts-'));
  private readonly file = path.join(this.dir, 'checks.json');
  private readonly fd = openSync(this.file, 'w+');
  private count = 0;

  add(json: string): void {
    writeSync(this.fd, this.count++ === 0 ? json : `,${json}`);
  }

  /** The spooled text in pieces, then the file removed. */
  *drain(): Generator<string> {
    try {
      const decoder = new TextDecoder('utf-8');
      const buf = Buffer.allocUnsafe(PIECE);
      for (let pos = 0; ; ) {
        const n = readSync(this.fd, buf, 0, PIECE, pos);
        if (n === 0) break;
        pos += n;
        yield decoder.decode(buf.subarray(0, n), { stream: true });
      }
      const rest = decoder.decode();
      if (rest) yield rest;
    } finally {
      this.discard();
    }
  }

  discard(): void {
    closeSync(this.fd);
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/**
 * Streams one file as Result pieces: every piece but the last holds no whole record (`records: 0`).
 * Returns false (having read nothing) when the file turns out to be HTML, which is read whole.
 */
export function* streamFile(file: string, f: OpenFile, o: TaskOptions, shape: OutputShape): Generator<Result, boolean> {
  const head = Buffer.allocUnsafe(Math.min(f.size, 65536));
  const headLength = readSync(f.fd, head, 0, head.length, 0);
  let encoding: string;
  let published: string | null = null;
  try {
    assertText(head.subarray(0, headLength));
    // detect the encoding on whole lines, so that no character is cut in two
    const lineEnd = head.lastIndexOf(10, headLength - 1);
    const sample = head.subarray(0, lineEnd > 0 ? lineEnd + 1 : headLength);
    const decoded = decode(sample, o.encoding);
    if (o.inputFormat === 'auto' && looksLikeHtml(decoded.text)) return false;
    // a byline is read from the head of the file, as from the head of an article
    published = bylineDate(decoded.text) ?? normalizeDate(o.date);
    encoding = decoded.encoding;
  } catch (err) {
    closeSync(f.fd);
    yield resultOf([errorRecord({ file }, err)], shape);
    return true;
  }

  let invalid = 0;
  let chars = 0;
  function* pieces(): Generator<string> {
    const decoder = new TextDecoder(encoding, { fatal: false });
    const buf = Buffer.allocUnsafe(CHUNK);
    for (let pos = 0; ; ) {
      const n = readSync(f.fd, buf, 0, CHUNK, pos);
      if (n === 0) break;
      pos += n;
      const text = decoder.decode(buf.subarray(0, n), { stream: true });
      invalid += countReplacements(text);
      chars += text.length;
      yield text;
    }
    const rest = decoder.decode();
    invalid += countReplacements(rest);
    chars += rest.length;
    if (rest) yield rest;
  }

  const json = shape.format === 'jsonl';
  // the checks follow the metrics in the record: spooled to a temporary file until the end, so
  // that memory does not grow with them either
  const spool = json ? new Spool() : null;
  const severities: Partial<Record<Severity, number>> = {};
  let script = 'none';
  let zones: ZoneMention[] = [];
  let first = true;
  try {
    let text = json ? `{"file":${JSON.stringify(file)},"encoding":${JSON.stringify(encoding)},"metrics":[` : '';
    for (const part of analyzeWindows(pieces(), { segment: o.segment, vocab: vocabOf(o), published })) {
      zones = mergeZones(zones, part.zones);
      const summary = emptySummary();
      countMetrics(summary, part.metrics);
      for (const c of part.checks) {
        spool?.add(JSON.stringify(c));
        severities[c.severity] = (severities[c.severity] ?? 0) + 1;
      }
      script = part.script;
      if (json) {
        for (const m of part.metrics) {
          text += (first ? '' : ',') + JSON.stringify(shape.fields ? pickFields(m, shape.fields) : m);
          first = false;
          if (text.length >= PIECE) {
            yield { text, records: 0, summary: emptySummary(), errors: [] };
            text = '';
          }
        }
      } else {
        text += csvRows({ file, script: part.script, chars: 0, published, zones: [], metrics: part.metrics, checks: [] }, shape.fields);
      }
      yield { text, records: 0, summary, errors: [] };
      text = '';
    }
  } catch (err) {
    spool?.discard();
    // what was written cannot be taken back: the record is closed and the error reported
    const rec = errorRecord({ file }, err);
    const summary = emptySummary();
    summary.inputs = 1;
    summary.failed = 1;
    summary.errors[rec.error.code] = 1;
    yield { text: json ? `],"error":${JSON.stringify(rec.error)}}\n` : '', records: 1, summary, errors: [rec] };
    return true;
  } finally {
    closeSync(f.fd);
  }
  if (spool) {
    yield { text: '],"checks":[', records: 0, summary: emptySummary(), errors: [] };
    for (const text of spool.drain()) yield { text, records: 0, summary: emptySummary(), errors: [] };
  }
  const warnings = invalid > 0 ? [`${invalid} undecodable byte sequence(s) in ${encoding} replaced with U+FFFD`] : [];
  const summary = emptySummary();
  summary.inputs = 1;
  summary.ok = 1;
  summary.chars = chars;
  summary.warnings = warnings.length;
  summary.byScript[script] = 1;
  Object.assign(summary.checks, severities);
  const tail = json
    ? `],"script":${JSON.stringify(script)},"chars":${chars},"published":${JSON.stringify(published)},"zones":${JSON.stringify(zones)}` +
      `${warnings.length ? `,"warnings":${JSON.stringify(warnings)}` : ''}}\n`
    : '';
  yield { text: tail, records: 1, summary, errors: [] };
  return true;
}
