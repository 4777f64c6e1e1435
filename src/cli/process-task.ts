/**
 * One task → one output record. Used in the main thread (--jobs 1, stdin) and in workers.
 */
import { readFileSync, statSync } from 'node:fs';
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
function vocabOf(o: TaskOptions): Vocabulary | undefined {
  const rules = o.rules ?? [];
  const key = rules.join('\0');
  if (vocabulary?.key !== key) vocabulary = { key, vocab: rules.length > 0 ? loadRules(rules) : undefined };
  return vocabulary.vocab;
}

function tooLarge(file: string, size: number, max: number): OutputRecord {
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
      case 'file': {
        // Synchronous reads: each worker reads one file at a time, and small files read faster so
        const stat = statSync(task.file);
        if (stat.isDirectory()) return errorRecord({ file: task.file }, Object.assign(new Error('is a directory'), { code: 'EISDIR' }));
        if (stat.size > o.maxBytes) return tooLarge(task.file, stat.size, o.maxBytes);
        return processBytes(task.file, readFileSync(task.file), o);
      }
    }
  } catch (err) {
    return errorRecord({ file: task.file, id: taskId(task) }, err);
  }
}
