/**
 * Run tasks, in the main thread (--jobs 1, or a single input) or across worker threads, and hand
 * back results in input order whatever the number of jobs. At most `window` batches are in
 * flight, so memory stays flat however many inputs there are.
 *
 * With workers, the main thread does almost nothing: it lists the inputs and sends their names to
 * the workers in batches; each worker reads, analyses and formats a batch and answers with one
 * message holding its output text and summary, which the main thread writes as it is.
 */
import type { Worker } from 'node:worker_threads';
import type { Task } from './inputs.js';
import { openInput, processFile, processTask, taskId, type OpenFile, type TaskOptions } from './process-task.js';
import type { OutputRecord } from '../types.js';
import { resultOf, type OutputShape, type Result } from './result.js';
import { shouldStream } from './stream-file.js';
import { closeSync } from 'node:fs';
import { errorRecord } from '../index.js';

export type { Result } from './result.js';

/** What a worker is started with (`stream`: the one large file it streams, then exits). */
export interface WorkerOptions {
  task: TaskOptions;
  shape: OutputShape;
  stream?: string;
}

interface Job {
  tasks: Task[];
  resolve: (r: Result) => void;
}

/** Batches a worker holds at once: one running, one queued behind it, so it never waits for the next. */
const DEPTH = 2;

/** Inputs sent to a worker in one message, and answered in one. */
const BATCH = 16;

/** The worker script beside this one: worker.js from tsc, worker.cjs in the bundle (set by its build). */
declare const __ZONEFACTS_WORKER__: string | undefined;
const WORKER_FILE = typeof __ZONEFACTS_WORKER__ === 'string' ? __ZONEFACTS_WORKER__ : './worker.js';

/**
 * Young-generation size of a worker, in MB (ZONEFACTS_YOUNG_MB overrides it, for measuring). 16 MB
 * cut the time a worker spends collecting garbage from 11–16% to 7–10%, and cost 15–40 MB of peak
 * memory with two workers, close to the 150 MB budget: 4 MB keeps memory down.
 */
const YOUNG_MB = Number(process.env.ZONEFACTS_YOUNG_MB) || 4;

/** Heap limits of the worker that streams a very large file, in MB: 4 MB young (peak 113 MB against 135 MB with 16 MB on a 20 MB file, at no cost in time). */
const STREAM_YOUNG_MB = 4;
const STREAM_OLD_MB = Number(process.env.ZONEFACTS_STREAM_OLD_MB) || 64;

class Pool {
  private queue: Job[] = [];
  private jobs = new Map<Worker, Map<number, Job>>();
  private seq = 0;

  constructor(
    size: number,
    private readonly options: WorkerOptions,
    private readonly WorkerClass: typeof Worker,
  ) {
    for (let i = 0; i < size; i++) this.spawn();
  }

  private spawn(): void {
    const w = new this.WorkerClass(new URL(WORKER_FILE, import.meta.url), {
      workerData: this.options,
      resourceLimits: { maxYoungGenerationSizeMb: YOUNG_MB },
    });
    const mine = new Map<number, Job>();
    this.jobs.set(w, mine);
    w.on('message', (msg: { seq: number; result: Result }) => {
      const job = mine.get(msg.seq)!;
      mine.delete(msg.seq);
      job.resolve(msg.result);
      this.feed(w);
    });
    w.on('error', (err) => {
      // A crashed worker fails its own tasks only; a fresh worker takes its place.
      this.jobs.delete(w);
      for (const job of mine.values()) {
        job.resolve(resultOf(job.tasks.map((t) => errorRecord({ file: t.file, id: taskId(t) }, new Error(err.message))), this.options.shape));
      }
      this.spawn();
    });
    this.feed(w);
  }

  private feed(w: Worker): void {
    const mine = this.jobs.get(w);
    while (mine && mine.size < DEPTH && this.queue.length > 0) {
      const job = this.queue.shift()!;
      const seq = this.seq++;
      mine.set(seq, job);
      w.postMessage({ seq, tasks: job.tasks });
    }
  }

  run(tasks: Task[]): Promise<Result> {
    return new Promise((resolve) => {
      this.queue.push({ tasks, resolve });
      // the least busy worker takes it
      let best: Worker | undefined;
      for (const [w, mine] of this.jobs) if (!best || mine.size < this.jobs.get(best)!.size) best = w;
      if (best) this.feed(best);
    });
  }

  async close(): Promise<void> {
    await Promise.all([...this.jobs.keys()].map((w) => w.terminate()));
  }
}

/**
 * Tasks in this thread, gathered into Results of up to BATCH records (or 20 ms of work), so that
 * the writing side pays its per-result costs once per batch. A large plain-text file is streamed
 * in pieces of its own.
 */
async function* runHere(first: Task, rest: AsyncIterator<Task> | null, o: WorkerOptions): AsyncGenerator<Result> {
  let records: OutputRecord[] = [];
  let lastBreak = performance.now();
  const flush = () => {
    const r = resultOf(records, o.shape);
    records = [];
    return r;
  };
  for (let task: Task | null = first; task !== null; ) {
    if (task.type !== 'file') records.push(await processTask(task, o.task));
    else {
      let f: OpenFile | null = null;
      try {
        f = openInput(task.file);
      } catch (err) {
        records.push(errorRecord({ file: task.file }, err));
      }
      if (f && shouldStream(f, o.task)) {
        closeSync(f.fd);
        if (records.length > 0) yield flush();
        yield* streamInWorker(task.file, o);
      } else if (f) records.push(processFile(task.file, f, o.task));
    }
    if (records.length >= BATCH || performance.now() - lastBreak > 20) {
      if (records.length > 0) yield flush();
      // let signals (SIGINT, SIGTERM) and I/O in now and then: the work itself is synchronous
      await new Promise(setImmediate);
      lastBreak = performance.now();
    }
    const next = rest ? await rest.next() : null;
    task = next && !next.done ? next.value : null;
  }
  if (records.length > 0) yield flush();
}

/**
 * A very large file is streamed by a worker of its own, whose old generation is kept small: V8
 * then collects each window's garbage as it goes, instead of letting the heap grow towards its
 * default limit, so peak memory stays flat whatever the file's size.
 */
async function* streamInWorker(file: string, o: WorkerOptions): AsyncGenerator<Result> {
  const { Worker } = await import('node:worker_threads');
  const w = new Worker(new URL(WORKER_FILE, import.meta.url), {
    workerData: { ...o, stream: file },
    resourceLimits: { maxYoungGenerationSizeMb: STREAM_YOUNG_MB, maxOldGenerationSizeMb: STREAM_OLD_MB },
  });
  const queue: Array<Result | null | Error> = [];
  let wake: (() => void) | null = null;
  const push = (x: Result | null | Error) => {
    queue.push(x);
    wake?.();
  };
  w.on('message', (msg: { result?: Result }) => push(msg.result ?? null));
  w.on('error', (err) => push(err));
  w.on('exit', () => push(null));
  let done = false;
  try {
    while (!done) {
      if (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
      const x = queue.shift()!;
      if (x === null) done = true;
      else if (x instanceof Error) {
        done = true;
        yield resultOf([errorRecord({ file }, new Error(x.message))], o.shape);
      } else yield x;
    }
  } finally {
    await w.terminate();
  }
}

export async function* runBatch(tasks: AsyncIterable<Task>, options: WorkerOptions, jobs: number): AsyncGenerator<Result> {
  const iterator = tasks[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) return;
  const second = jobs > 1 ? await iterator.next() : null;
  // One input, or one job: no worker threads (starting them costs more than the work)
  if (!second || second.done) {
    yield* runHere(first.value, second ? null : iterator, options);
    return;
  }
  const { Worker } = await import('node:worker_threads');
  const pool = new Pool(jobs, options, Worker);
  const window = jobs * 4;
  const inFlight: Promise<Result>[] = [];
  let batch: Task[] = [];
  const send = () => {
    if (batch.length > 0) inFlight.push(pool.run(batch));
    batch = [];
  };
  const submit = async (task: Task) => {
    // stdin is read by the main thread: a worker has no stdin of its own
    if (task.type === 'stdin') {
      send();
      inFlight.push(processTask(task, options.task).then((r) => resultOf([r], options.shape)));
    } else {
      batch.push(task);
      if (batch.length >= BATCH) send();
    }
  };
  try {
    await submit(first.value);
    await submit(second.value);
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      await submit(next.value);
      if (inFlight.length >= window) yield await inFlight.shift()!;
    }
    send();
    while (inFlight.length > 0) yield await inFlight.shift()!;
  } finally {
    await pool.close();
  }
}

/** The records themselves, in input order (report and summarize, which need every field). */
export async function* runRecords(tasks: AsyncIterable<Task>, options: TaskOptions, jobs: number): AsyncGenerator<OutputRecord> {
  for await (const r of runBatch(tasks, { task: options, shape: { format: 'jsonl', fields: null } }, jobs)) {
    // JSON lines, one per input: JSON.stringify writes no raw line break inside a record
    for (const line of r.text.split('\n')) if (line) yield JSON.parse(line) as OutputRecord;
  }
}
