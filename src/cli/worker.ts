/**
 * A worker thread: takes a batch of tasks, reads and analyses each, and answers with one message:
 * the batch's output, formatted (JSON lines or CSV rows), and its summary. The main thread writes
 * the text as it is, parsing nothing (only the table parses the lines again).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { OutputRecord } from '../types.js';
import type { WorkerOptions } from './batch.js';
import type { Task } from './inputs.js';
import { errorRecord } from '../index.js';
import { openInput, processFile, processTask, taskId } from './process-task.js';
import { streamFile } from './stream-file.js';
import { resultOf } from './result.js';

const options = workerData as WorkerOptions;

/** A streaming worker: one large file, its output posted piece by piece, then the worker exits. */
function stream(file: string): void {
  const f = openInput(file);
  const pieces = streamFile(file, f, options.task, options.shape);
  let next = pieces.next();
  for (; !next.done; next = pieces.next()) parentPort!.postMessage({ result: next.value });
  // HTML after all: read whole
  if (!next.value) parentPort!.postMessage({ result: resultOf([processFile(file, f, options.task)], options.shape) });
}

if (options.stream !== undefined) {
  try {
    stream(options.stream);
  } catch (err) {
    parentPort!.postMessage({ result: resultOf([errorRecord({ file: options.stream }, err)], options.shape) });
  }
  // nothing left to listen to: the worker ends once its messages are posted
} else parentPort!.on('message', async (msg: { seq: number; tasks: Task[] }) => {
  const records: OutputRecord[] = [];
  for (const task of msg.tasks) {
    try {
      records.push(await processTask(task, options.task));
    } catch (err) {
      records.push(errorRecord({ file: task.file, id: taskId(task) }, new Error(String(err))));
    }
  }
  parentPort!.postMessage({ seq: msg.seq, result: resultOf(records, options.shape) });
});
