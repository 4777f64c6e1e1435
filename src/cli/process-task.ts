/**
 * One task → one output record. Used in the main thread (--jobs 1, stdin) and in workers.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { errorRecord, extract, extractBytes } from '../index.js';
import type { InputFormat } from '../ingest/index.js';
import type { OutputRecord } from '../types.js';
import type { Vocabulary } from '../vocab/index.js';
import { loadRules } from '../vocab/load.js';
import type { Task } from './inputs.js';

export interface TaskOptions {
  inputFormat: InputFormat;
  encoding?: string;
  includeText: boolean;
  maxBytes: number;
  segment: boolean;
  /** --rules files merged over the built-in vocabulary (validated before any input is read). */
  rules?: string[];
  /** --date: the publication date of inputs that state none. */
  date?: string;
}

let vocabulary: { key: string; vocab: Vocabulary | undefined } | undefined;

/** The vocabulary of these options, read once per thread; undefined means the built-in one. */
export function vocabOf(o: TaskOptions): Vocabulary | undefined {
  const rules = o.rules ?? [];
  const key = rules.join('\0');
  if (vocabulary?.key !== key) vocabulary = { key, vocab: rules.length > 0 ? loadRules(rules) : undefined };
  return vocabulary.vocab;
}

export function tooLarge(file: string, size: number, max: number): OutputRecord {
  const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;
  return { file, error: { code: 'TOO_LARGE', message: `file is ${mb(size)}, over the ${mb(max)} limit (raise it with --max-bytes)` } };
}

export async function readStdin(max: number): Promise<Buffer | OutputRecord> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    size += (chunk as Buffer).length;
    if (size > max) return tooLarge('-', size, max);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export function processBytes(file: string, bytes: Uint8Array, o: TaskOptions): OutputRecord {
  return extractBytes(bytes, {
    file, inputFormat: o.inputFormat, encoding: o.encoding, includeText: o.includeText, segment: o.segment, vocab: vocabOf(o), date: o.date,
  });
}

/** An open input file and its size: one open and one fstat, no separate lookup by name. */
export interface OpenFile {
  fd: number;
  size: number;
}

/** Opens a file for reading; a directory is an EISDIR error. */
export function openInput(file: string): OpenFile {
  const fd = openSync(file, 'r');
  const stat = fstatSync(fd);
  if (stat.isDirectory()) {
    closeSync(fd);
    throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
  }
  return { fd, size: stat.size };
}

/** The whole of an open file (closed after). */
export function readAll(f: OpenFile): Buffer {
  try {
    const buf = Buffer.allocUnsafe(f.size);
    let n = 0;
    while (n < f.size) {
      const got = readSync(f.fd, buf, n, f.size - n, null);
      if (got === 0) break;
      n += got;
    }
    return n === f.size ? buf : buf.subarray(0, n);
  } finally {
    closeSync(f.fd);
  }
}

/** The id of a JSONL record, which its output record keeps whatever happens to it. */
export function taskId(task: Task): string | undefined {
  return task.type === 'text' || task.type === 'error' ? task.id : undefined;
}

export async function processTask(task: Task, o: TaskOptions): Promise<OutputRecord> {
  try {
    switch (task.type) {
      case 'error':
        return {
          file: task.file,
          ...(task.id !== undefined ? { id: task.id } : {}),
          ...(task.line !== undefined ? { line: task.line } : {}),
          error: { code: task.code, message: task.message },
        };
      case 'text':
        return extract(task.text, {
          file: task.file, id: task.id, inputFormat: task.html ? 'html' : o.inputFormat,
          includeText: o.includeText, extra: task.extra, segment: o.segment, vocab: vocabOf(o), date: o.date,
        });
      case 'stdin': {
        const bytes = await readStdin(o.maxBytes);
        return Buffer.isBuffer(bytes) ? processBytes('-', bytes, o) : bytes;
      }
      case 'file':
        return processFile(task.file, openInput(task.file), o);
    }
  } catch (err) {
    return errorRecord({ file: task.file, id: taskId(task) }, err);
  }
}

/** A file already open: its record (synchronous: each thread reads one file at a time, and small files read faster so). */
export function processFile(file: string, f: OpenFile, o: TaskOptions): OutputRecord {
  if (f.size > o.maxBytes) {
    closeSync(f.fd);
    return tooLarge(file, f.size, o.maxBytes);
  }
  try {
    return processBytes(file, readAll(f), o);
  } catch (err) {
    return errorRecord({ file }, err);
  }
}
