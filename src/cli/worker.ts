/**
 * A worker thread: takes tasks, returns each record as a JSON line with its summary, so the main
 * thread writes jsonl and json without parsing anything (csv and table parse the line).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { OutputRecord } from '../types.js';
import type { Task } from './inputs.js';
import { processTask, type TaskOptions } from './process-task.js';
import { resultOf } from './result.js';

const options = workerData as TaskOptions;

parentPort!.on('message', (msg: { seq: number; task: Task }) => {
  const reply = (record: OutputRecord) => {
    // the line and summary only: posting the record as well would copy it twice
    const { line, summary } = resultOf(record);
    parentPort!.postMessage({ seq: msg.seq, line, summary });
  };
  processTask(msg.task, options).then(reply, (err: unknown) =>
    reply({ file: msg.task.file, error: { code: 'INTERNAL', message: String(err) } }),
  );
});
