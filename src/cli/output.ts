/**
 * Where output goes: stdout, or --out FILE written atomically (a temp file beside it, renamed
 * into place on success), so an interrupted run never leaves a half-written file that looks
 * complete. A closed stdout (`| head -1`) ends the run quietly.
 */
import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from './exit-codes.js';

export interface Sink {
  write(s: string): Promise<void>;
  /** Commit the output (rename the temp file into place). */
  commit(): Promise<void>;
  /** Drop a partial output (remove the temp file). */
  abort(): void;
}

/** Thrown out of `write` once stdout is closed by the reader. */
export class OutputClosed extends Error {}

export function stdoutSink(batch = !process.stdout.isTTY): Sink {
  let closed = false;
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') closed = true;
  });
  const send = (s: string) =>
    new Promise<void>((resolve, reject) => {
      if (closed) return reject(new OutputClosed());
      const ok = process.stdout.write(s, (err) => {
        if (err) {
          closed = true;
          reject(new OutputClosed());
        } else if (ok) resolve();
      });
      if (!ok) process.stdout.once('drain', resolve);
    });
  // Records are gathered and written 64 KB at a time, and at the end
  let pending = '';
  return {
    write(s) {
      pending += s;
      if (pending.length < (batch ? 65536 : 1)) return closed ? Promise.reject(new OutputClosed()) : Promise.resolve();
      const chunk = pending;
      pending = '';
      return send(chunk);
    },
    async commit() {
      if (pending) await send(pending);
      pending = '';
    },
    abort() {},
  };
}

/** Records are gathered and written 64 KB at a time: one system call per record costs more. */
function batched(fd: number): { write: (s: string) => Promise<void>; flush: () => void } {
  let pending = '';
  const flush = () => {
    if (pending) writeSync(fd, pending);
    pending = '';
  };
  return {
    async write(s) {
      pending += s;
      if (pending.length >= 65536) flush();
    },
    flush,
  };
}

/** --out to a device or a pipe (/dev/null, /dev/stdout, a FIFO): written in place, never renamed over. */
function deviceSink(target: string): Sink {
  let fd: number;
  try {
    fd = openSync(target, 'w');
  } catch (err) {
    throw new UsageError(`cannot write --out ${target}: ${(err as Error).message}`);
  }
  const out = batched(fd);
  return {
    write: out.write,
    async commit() {
      out.flush();
      closeSync(fd);
    },
    abort() {
      closeSync(fd);
    },
  };
}

export function fileSink(target: string): Sink {
  const dir = path.dirname(target);
  if (!existsSync(dir)) throw new UsageError(`cannot write --out ${target}: directory ${dir} does not exist (create it first)`);
  const existing = existsSync(target) ? statSync(target) : null;
  if (existing?.isDirectory()) throw new UsageError(`cannot write --out ${target}: it is a directory (name a file)`);
  // renaming a temp file over /dev/null would replace the device with a plain file
  if (existing && !existing.isFile()) return deviceSink(target);
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.tmp`);
  let fd: number;
  try {
    fd = openSync(temp, 'w');
  } catch (err) {
    throw new UsageError(`cannot write --out ${target}: ${(err as Error).message}`);
  }
  let open = true;
  const cleanup = () => {
    if (!open) return;
    open = false;
    try {
      closeSync(fd);
    } catch {
      // already closed
    }
    rmSync(temp, { force: true });
  };
  const onSignal = (signal: NodeJS.Signals) => {
    cleanup();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  process.once('exit', cleanup);
  const out = batched(fd);
  return {
    write: out.write,
    async commit() {
      out.flush();
      fsyncSync(fd);
      closeSync(fd);
      open = false;
      renameSync(temp, target);
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
    abort: cleanup,
  };
}
