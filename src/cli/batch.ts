/**
 * Run tasks, in the main thread (--jobs 1, or a single input) or across worker threads, and hand
 * back results in input order whatever the number of jobs. At most `window` tasks are in flight,
 * so memory stays flat however many inputs there are.
 */
import type { Worker } from 'node:worker_threads';
import type { Task } from './inputs.js';
import { processTask, taskId, type TaskOptions } from './process-task.js';
import { resultOf, type Result } from './result.js';

export type { Result } from './result.js';

interface Job {
  task: Task;
  resolve: (r: Result) => void;
}

/** Tasks a worker holds at once: one running, one queued behind it, so it never waits for the next. */
const DEPTH = 2;

const YOUNG_MB = 4;

/** The worker script beside this one: worker.js from tsc, worker.cjs in the bundle (set by its build). */
declare const __ZONEFACTS_WORKER__: string | undefined;
const WORKER_FILE = typeof __ZONEFACTS_WORKER__ === 'string' ? __ZONEFACTS_WORKER__ : './worker.js';

class Pool {
  private queue: Job[] = [];
  private jobs = new Map<Worker, Map<number, Job>>();
  private seq = 0;

  constructor(
    size: number,
    private readonly options: TaskOptions,
    private readonly WorkerClass: typeof Worker,
  ) {
    for (let i = 0; i < size; i++) this.spawn();
  }

  private spawn(): void {
    // A smaller young generation keeps each worker's memory down at little cost in speed
    const w = new this.WorkerClass(new URL(WORKER_FILE, import.meta.url), {
      workerData: this.options,
      resourceLimits: { maxYoungGenerationSizeMb: YOUNG_MB },
    });
    const mine = new Map<number, Job>();
    this.jobs.set(w, mine);
    w.on('message', (msg: { seq: number } & Result) => {
      const job = mine.get(msg.seq)!;
      mine.delete(msg.seq);
      job.resolve({ line: msg.line, summary: msg.summary });
      this.feed(w);
    });
    w.on('error', (err) => {
      // A crashed worker fails its own tasks only; a fresh worker takes its place.
      this.jobs.delete(w);
      for (const job of mine.values()) {
        const id = taskId(job.task);
        job.resolve(resultOf({ file: job.task.file, ...(id !== undefined ? { id } : {}), error: { code: 'INTERNAL', message: err.message } }));
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
      w.postMessage({ seq, task: job.task });
    }
  }

  run(task: Task): Promise<Result> {
    return new Promise((resolve) => {
      this.queue.push({ task, resolve });
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

export async function* runBatch(tasks: AsyncIterable<Task>, options: TaskOptions, jobs: number): AsyncGenerator<Result> {
  const iterator = tasks[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) return;
  const second = jobs > 1 ? await iterator.next() : null;
  // One input, or one job: no worker threads (starting them costs more than the work)
  if (!second || second.done) {
    yield resultOf(await processTask(first.value, options));
    if (second) return;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      // let signals (SIGINT, SIGTERM) and I/O in between inputs: the work itself is synchronous
      await new Promise(setImmediate);
      yield resultOf(await processTask(next.value, options));
    }
    return;
  }
  const { Worker } = await import('node:worker_threads');
  const pool = new Pool(jobs, options, Worker);
  const window = jobs * 8;
  const inFlight: Promise<Result>[] = [];
  const submit = (task: Task) =>
    // stdin is read by the main thread: a worker has no stdin of its own
    inFlight.push(task.type === 'stdin' ? processTask(task, options).then(resultOf) : pool.run(task));
  try {
    submit(first.value);
    submit(second.value);
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      submit(next.value);
      if (inFlight.length >= window) yield await inFlight.shift()!;
    }
    while (inFlight.length > 0) yield await inFlight.shift()!;
  } finally {
    await pool.close();
  }
}
