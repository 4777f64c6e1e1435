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
import { openInput, processFile, processTask, type TaskOptions } from './process-task.js';
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

/** Young-generation size of a worker, in MB (ZONEFACTS_YOUNG_MB overrides it, for measuring). */
const YOUNG_MB = Number(process.env.ZONEFACTS_YOUNG_MB) || 16;

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
        job.resolve(resultOf(job.tasks.map((t) => errorRecord({ file: t.file }, new Error(err.message))), this.options.shape));
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

/** One task in this thread: a large plain-text file is streamed in pieces, anything else is one record. */
async function* runHere(task: Task, o: WorkerOptions): AsyncGenerator<Result> {
  if (task.type !== 'file') {
    yield resultOf([await processTask(task, o.task)], o.shape);
    return;
  }
  let f;
  try {
    f = openInput(task.file);
  } catch (err) {
    yield resultOf([errorRecord({ file: task.file }, err)], o.shape);
    return;
  }
  if (shouldStream(f, o.task)) {
    closeSync(f.fd);
    yield* streamInWorker(task.file, o);
    return;
  }
  yield resultOf([processFile(task.file, f, o.task)], o.shape);
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
    yield* runHere(first.value, options);
    if (second) return;
    let lastBreak = performance.now();
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      // let signals (SIGINT, SIGTERM) and I/O in now and then: the work itself is synchronous
      if (performance.now() - lastBreak > 20) {
        await new Promise(setImmediate);
        lastBreak = performance.now();
      }
      yield* runHere(next.value, options);
    }
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
