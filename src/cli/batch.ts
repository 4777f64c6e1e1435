/**
 * Run tasks, in the main thread (--jobs 1) or across worker threads, and hand back results in
 * input order whatever the number of jobs. At most `window` tasks are in flight, so memory stays
 * flat however many inputs there are.
 */
import { Worker } from 'node:worker_threads';
import { addToSummary, emptySummary, type Summary } from '../summary.js';
import type { Task } from './inputs.js';
import { processTask, type TaskOptions } from './process-task.js';

export interface Result {
  /** The record as one line of JSON. */
  line: string;
  /** The record's contribution to the corpus summary. */
  summary: Summary;
}

function resultOf(record: Parameters<typeof addToSummary>[1]): Result {
  return { line: JSON.stringify(record), summary: addToSummary(emptySummary(), record) };
}

interface Job {
  seq: number;
  task: Task;
  resolve: (r: Result) => void;
}

class Pool {
  private idle: Worker[] = [];
  private queue: Job[] = [];
  private running = new Map<Worker, Job>();
  private workers: Worker[] = [];

  constructor(
    private size: number,
    private options: TaskOptions,
  ) {
    for (let i = 0; i < size; i++) this.spawn();
  }

  private spawn(): void {
    const w = new Worker(new URL('./worker.js', import.meta.url), { workerData: this.options });
    w.on('message', (msg: { seq: number } & Result) => {
      const job = this.running.get(w)!;
      this.running.delete(w);
      job.resolve({ line: msg.line, summary: msg.summary });
      this.next(w);
    });
    w.on('error', (err) => {
      // A crashed worker fails its task only; a fresh worker takes its place.
      const job = this.running.get(w);
      this.running.delete(w);
      this.workers = this.workers.filter((x) => x !== w);
      if (job) job.resolve(resultOf({ file: job.task.file, error: { code: 'INTERNAL', message: err.message } }));
      this.spawn();
    });
    this.workers.push(w);
    this.next(w);
  }

  private next(w: Worker): void {
    const job = this.queue.shift();
    if (!job) {
      this.idle.push(w);
      return;
    }
    this.running.set(w, job);
    w.postMessage({ seq: job.seq, task: job.task });
  }

  run(seq: number, task: Task): Promise<Result> {
    return new Promise((resolve) => {
      const job = { seq, task, resolve };
      const w = this.idle.pop();
      if (w) {
        this.running.set(w, job);
        w.postMessage({ seq, task });
      } else this.queue.push(job);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

export async function* runBatch(tasks: AsyncIterable<Task>, options: TaskOptions, jobs: number): AsyncGenerator<Result> {
  if (jobs <= 1) {
    for await (const task of tasks) yield resultOf(await processTask(task, options));
    return;
  }
  const pool = new Pool(jobs, options);
  const window = jobs * 8;
  const inFlight: Promise<Result>[] = [];
  let seq = 0;
  try {
    for await (const task of tasks) {
      // stdin is read by the main thread: a worker has no stdin of its own
      inFlight.push(task.type === 'stdin' ? processTask(task, options).then(resultOf) : pool.run(seq, task));
      seq++;
      if (inFlight.length >= window) yield await inFlight.shift()!;
    }
    while (inFlight.length > 0) yield await inFlight.shift()!;
  } finally {
    await pool.close();
  }
}
