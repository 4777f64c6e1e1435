import type { OutputRecord } from '../types.js';

/** One record per line; JSON.stringify escapes line breaks, so every record is one whole line. */
export function jsonlLine(r: OutputRecord): string {
  return `${JSON.stringify(r)}\n`;
}

/** `json`: one document for one input, an array for several. */
export function jsonDocument(records: readonly OutputRecord[], single: boolean): string {
  return `${JSON.stringify(single && records.length === 1 ? records[0] : records, null, 2)}\n`;
}
