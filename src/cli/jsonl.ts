/**
 * JSONL input: one record `{ "id", "text" | "html", … }` per line. This is the mapper side of a
 * distributed run (docs/scale.md), so its contract is strict: every record keeps its `id`; a line
 * that cannot be a record becomes an error task carrying its line number, and the stream goes on.
 */
import type { Task } from './inputs.js';

/**
 * One line (1-based number `n`) of JSONL read from `file` → a task, or null for a blank line.
 * A record without an id is given `file:line` as its id.
 */
export function jsonlTask(line: string, n: number, file: string): Task | null {
  if (line.trim() === '') return null;
  const where = `${file}:${n}`;
  const fail = (code: 'BAD_JSON' | 'BAD_RECORD', message: string, id?: string): Task => ({
    type: 'error', file: where, line: n, ...(id !== undefined ? { id } : {}), code, message,
  });
  let rec: unknown;
  try {
    rec = JSON.parse(line);
  } catch (err) {
    return fail('BAD_JSON', `line ${n} is not valid JSON, so it has no id (${(err as Error).message})`);
  }
  if (!rec || typeof rec !== 'object' || Array.isArray(rec)) return fail('BAD_RECORD', `line ${n} is not a JSON object`);
  const { id, text, html, ...extra } = rec as Record<string, unknown>;
  if (id !== undefined && id !== null && typeof id === 'object') {
    return fail('BAD_RECORD', `line ${n} has an "id" that is not a string or a number`);
  }
  const recId = id === undefined || id === null ? where : String(id);
  const body = typeof text === 'string' ? text : typeof html === 'string' ? html : null;
  if (body === null) return fail('BAD_RECORD', `line ${n} has no string "text" or "html" field`, recId);
  return { type: 'text', file, id: recId, text: body, html: typeof text !== 'string', extra };
}

/** Lines of a JSONL file or stdin as tasks, in order; a malformed line becomes an error task. */
export async function* jsonlRecords(file: string): AsyncGenerator<Task> {
  const stream = file === '-' ? process.stdin : (await import('node:fs')).createReadStream(file);
  const opened = await new Promise<Error | null>((resolve) => {
    if (file === '-') return resolve(null);
    stream.once('open', () => resolve(null));
    stream.once('error', (err: Error) => resolve(err));
  });
  if (opened) {
    const code = (opened as NodeJS.ErrnoException).code;
    yield { type: 'error', file, code: code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR' ? code : 'READ_ERROR', message: opened.message };
    return;
  }
  const { createInterface } = await import('node:readline');
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    const task = jsonlTask(line, ++n, file);
    if (task) yield task;
  }
}
