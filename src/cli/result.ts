/**
 * What the batch runner hands back: the output of one or more records, already formatted (JSON
 * lines or CSV rows), with their share of the corpus summary and their error records, made in
 * whichever thread processed the inputs. The main thread only writes the text.
 */
import { csvRows } from '../emit/csv.js';
import { projectRecord, type MetricField } from '../emit/fields.js';
import { addToSummary, emptySummary, type Summary } from '../summary.js';
import { isErrorRecord, type ErrorRecord, type OutputRecord } from '../types.js';

/** How a worker formats records: JSON lines (jsonl, json and, parsed again, table) or CSV rows. */
export interface OutputShape {
  format: 'jsonl' | 'csv';
  /** --fields: what each metric carries; null for everything. */
  fields: MetricField[] | null;
}

export interface Result {
  /**
   * Formatted output: JSON lines, each ending in a line break (JSON.stringify never writes a raw
   * one, so line breaks separate records), or CSV rows.
   */
  text: string;
  /** Records this text holds (0 for a piece of a streamed record that is not its last). */
  records: number;
  summary: Summary;
  /** The inputs that failed, for the message on stderr. */
  errors: ErrorRecord[];
}

export function formatRecord(record: OutputRecord, shape: OutputShape): string {
  const r = projectRecord(record, shape.fields);
  return shape.format === 'csv' ? csvRows(r, shape.fields) : `${JSON.stringify(r)}\n`;
}

/** Records → one Result: a worker answers a batch of inputs with one message. */
export function resultOf(records: readonly OutputRecord[], shape: OutputShape): Result {
  const summary = emptySummary();
  const errors: ErrorRecord[] = [];
  let text = '';
  for (const r of records) {
    text += formatRecord(r, shape);
    addToSummary(summary, r);
    if (isErrorRecord(r)) errors.push(r);
  }
  return { text, records: records.length, summary, errors };
}
