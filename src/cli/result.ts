/**
 * What the batch runner hands back for one input: the record as a JSON line and its share of the
 * corpus summary, made once, in whichever thread processed the input.
 */
import { addToSummary, emptySummary, type Summary } from '../summary.js';
import type { OutputRecord } from '../types.js';

export interface Result {
  /** The record as one line of JSON. */
  line: string;
  /** The record's contribution to the corpus summary. */
  summary: Summary;
  /** The record itself, when it was made in this thread (so csv and table need not parse `line`). */
  record?: OutputRecord;
}

export function resultOf(record: OutputRecord): Result {
  return { line: JSON.stringify(record), summary: addToSummary(emptySummary(), record), record };
}
