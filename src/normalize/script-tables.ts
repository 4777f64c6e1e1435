/**
 * The per-character traditional → simplified table and the script markers, decoded from data
 * generated out of opencc-js's own dictionaries (script-data.generated.ts).
 *
 * Why a per-character table and not an opencc-js converter: the converter's phrase pass is ~20×
 * slower and may change the length of the text, while a per-character map keeps every offset, so a
 * span found in the folded text is the same span in the original. The two differ only on phrase
 * mappings, which no number rule depends on. Why generated data: parsing the dictionaries took
 * ~4 ms of every start of the CLI.
 */
import { PAIRS, SIMPLIFIED_ONLY, TRADITIONAL_ONLY } from './script-data.generated.js';
import type { ScriptTables } from './script-tables-builder.js';

export type { ScriptTables } from './script-tables-builder.js';

let tables: ScriptTables | undefined;

export function scriptTables(): ScriptTables {
  if (tables) return tables;
  const toSimplified = new Uint16Array(0x10000);
  for (let i = 0; i < 0x10000; i++) toSimplified[i] = i;
  for (let i = 0; i + 1 < PAIRS.length; i += 2) toSimplified[PAIRS.charCodeAt(i)] = PAIRS.charCodeAt(i + 1);
  const traditionalOnly = new Uint8Array(0x10000);
  for (let i = 0; i < TRADITIONAL_ONLY.length; i++) traditionalOnly[TRADITIONAL_ONLY.charCodeAt(i)] = 1;
  const simplifiedOnly = new Uint8Array(0x10000);
  for (let i = 0; i < SIMPLIFIED_ONLY.length; i++) simplifiedOnly[SIMPLIFIED_ONLY.charCodeAt(i)] = 1;
  tables = { toSimplified, traditionalOnly, simplifiedOnly };
  return tables;
}
