/**
 * The output formats of the CLI, each with what it is for (README, "Output schema").
 */
import type { Info } from '../types.js';

export type Format = 'json' | 'jsonl' | 'csv' | 'table';

export const FORMAT_INFO: Record<Format, Info> = {
  json: { description: 'one JSON document: an object for one input, an array for several' },
  jsonl: { description: 'one JSON record per line, one line per input, in input order' },
  csv: { description: 'one row per metric, always the same columns' },
  table: { description: 'for people at a terminal: one block per input, with the checks' },
};

export const FORMATS = Object.keys(FORMAT_INFO) as Format[];
