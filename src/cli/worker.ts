/**
 * A worker thread: takes tasks, returns each record as a JSON line with its summary, so the main
 * thread only writes and never re-parses.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { addToSummary, emptySummary } from '../summary.js';
import type { OutputRecord } from '../types.js';
import type { Task } from './inputs.js';
import { processTask, type TaskOptions } from './process-task.js';

const options = workerData as TaskOptions;

parentPort!.on('message', (msg: { seq: number; task: Task }) => {
  const reply = (record: OutputRecord) =>
    parentPort!.postMessage({ seq: msg.seq, line: JSON.stringify(record), summary: addToSummary(emptySummary(), record) });
  processTask(msg.task, options).then(reply, (err: unknown) =>
    reply({ file: msg.task.file, error: { code: 'INTERNAL', message: String(err) } }),
  );
});
