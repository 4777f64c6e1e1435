/**
 * What to read: files, directories (recursive, filtered by extension), globs, `-` for stdin, and
 * JSONL files whose lines are records. Produced lazily, in a stable order (arguments in the order
 * given, directory entries sorted), so a huge directory is never listed in memory at once.
 */
import { readdirSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import type { ErrorCode } from '../types.js';
import { jsonlRecords } from './jsonl.js';

export type Task =
  | { type: 'file'; file: string }
  | { type: 'stdin'; file: '-' }
  | { type: 'text'; file: string; id: string; text: string; html: boolean; extra: Record<string, unknown> }
  | { type: 'error'; file: string; id?: string; line?: number; code: ErrorCode; message: string };

export interface InputOptions {
  /** Extensions to take from directories and globs (without dots). */
  ext: string[];
  /** Read every input as JSONL records `{ "id", "text" | "html", … }`. */
  jsonl: boolean;
}

const GLOB_CHARS = /[*?[]/;

/** Is this argument a glob (expanded by zonefacts) rather than a path? */
export function isGlob(arg: string): boolean {
  return GLOB_CHARS.test(arg);
}

/** `fixtures/**\/*.txt` → a RegExp over '/'-separated relative paths. */
function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i]!;
    if (ch === '*') {
      if (glob[i + 1] === '*') {
        re += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
        i += glob[i + 2] === '/' ? 2 : 1;
      } else re += '[^/]*';
    } else if (ch === '?') re += '[^/]';
    else if (ch === '[') {
      const close = glob.indexOf(']', i);
      if (close < 0) re += '\\[';
      else {
        re += `[${glob.slice(i + 1, close).replace(/^!/, '^')}]`;
        i = close;
      }
    } else re += ch.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

async function* walk(dir: string, accept: (file: string) => boolean, errors: Task[]): AsyncGenerator<string> {
  let entries: Dirent[];
  try {
    // synchronous: one directory listing is quick, and the async API costs more to load than it saves
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code === 'EACCES' ? 'EACCES' : 'READ_ERROR';
    errors.push({ type: 'error', file: dir, code, message: `cannot list directory: ${(err as Error).message}` });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
      yield* walk(full, accept, errors);
    } else if ((e.isFile() || e.isSymbolicLink()) && accept(full)) yield full;
  }
}

function extFilter(ext: string[]): (file: string) => boolean {
  const wanted = ext.map((e) => `.${e.replace(/^\./, '').toLowerCase()}`);
  return (file) => wanted.some((w) => file.toLowerCase().endsWith(w));
}

async function* files(arg: string, options: InputOptions): AsyncGenerator<Task> {
  const errors: Task[] = [];
  const accept = extFilter(options.ext);
  if (GLOB_CHARS.test(arg)) {
    const norm = arg.split(path.sep).join('/');
    const staticPart = norm.split('/').findIndex((part) => GLOB_CHARS.test(part));
    const base = norm.split('/').slice(0, staticPart).join('/') || '.';
    const re = globToRegExp(norm.replace(/^\.\//, ''));
    let any = false;
    for await (const file of walk(base, () => true, errors)) {
      const rel = file.split(path.sep).join('/').replace(/^\.\//, '');
      if (re.test(rel)) {
        any = true;
        yield { type: 'file', file };
      }
    }
    if (!any) errors.push({ type: 'error', file: arg, code: 'ENOENT', message: 'no file matches this pattern' });
    yield* errors;
    return;
  }
  let stat;
  try {
    stat = statSync(arg);
  } catch {
    yield { type: 'file', file: arg }; // reading it reports the error with its code
    return;
  }
  if (stat.isDirectory()) {
    for await (const file of walk(arg, accept, errors)) {
      yield { type: 'file', file };
      if (errors.length) yield* errors.splice(0);
    }
    yield* errors;
  } else yield { type: 'file', file: arg };
}

export async function* tasks(args: readonly string[], options: InputOptions): AsyncGenerator<Task> {
  for (const arg of args) {
    if (options.jsonl) {
      if (arg === '-') yield* jsonlRecords('-');
      else for await (const t of files(arg, { ...options, ext: options.ext.length ? options.ext : ['jsonl', 'ndjson', 'json'] })) {
        if (t.type === 'file') yield* jsonlRecords(t.file);
        else yield t;
      }
    } else if (arg === '-') yield { type: 'stdin', file: '-' };
    else yield* files(arg, options);
  }
}
