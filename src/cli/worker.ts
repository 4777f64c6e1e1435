/**
 * A worker thread: takes a batch of tasks, reads and analyses each, and answers with one message:
 * the batch's output, formatted (JSON lines or CSV rows), and its summary. The main thread writes
 * the text as it is, parsing nothing (only the table parses the lines again).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { OutputRecord } from '../types.js';
import type { WorkerOptions } from './batch.js';
import type { Task } from './inputs.js';
import { processTask } from './process-task.js';
import { resultOf } from './result.js';

const options = workerData as WorkerOptions;

parentPort!.on('message', async (msg: { seq: number; tasks: Task[] }) => {
  const records: OutputRecord[] = [];
  for (const task of msg.tasks) {
    try {
      records.push(await processTask(task, options.task));
    } catch (err) {
      records.push({ file: task.file, error: { code: 'INTERNAL', message: String(err) } });
    }
  }
  parentPort!.postMessage({ seq: msg.seq, result: resultOf(records, options.shape) });
});
