/**
 * A per-character traditional → simplified table, built once from opencc-js's own dictionaries.
 *
 * Why not call an opencc-js converter: its phrase pass is ~20× slower and may change the length of
 * the text, while a per-character map keeps every offset, so a span found in the folded text is the
 * same span in the original. The two differ only on phrase mappings, which no number rule depends on.
 */
import TSCharacters from 'opencc-js/dict/TSCharacters';
import STCharacters from 'opencc-js/dict/STCharacters';
import TWVariantsRev from 'opencc-js/dict/TWVariantsRev';
import HKVariantsRev from 'opencc-js/dict/HKVariantsRev';

export interface ScriptTables {
  /** code unit → folded code unit (identity where nothing changes). */
  toSimplified: Uint16Array;
  /** 1 where a character exists only in traditional script (個, 億). */
  traditionalOnly: Uint8Array;
  /** 1 where a character exists only in simplified script (个, 亿). */
  simplifiedOnly: Uint8Array;
}

/** Parse an opencc dictionary string `"個 个|億 亿"` into single-code-unit pairs. */
function* pairs(dict: string): Generator<[number, number[]]> {
  for (const entry of dict.split('|')) {
    const parts = entry.split(' ');
    const from = parts[0];
    if (from === undefined || from.length !== 1) continue;
    const targets = parts.slice(1).filter((t) => t.length === 1).map((t) => t.charCodeAt(0));
    if (targets.length > 0) yield [from.charCodeAt(0), targets];
  }
}

let tables: ScriptTables | undefined;

export function scriptTables(): ScriptTables {
  if (tables) return tables;
  const toSimplified = new Uint16Array(0x10000);
  for (let i = 0; i < toSimplified.length; i++) toSimplified[i] = i;
  const traditionalOnly = new Uint8Array(0x10000);
  const simplifiedOnly = new Uint8Array(0x10000);

  // Regional variants first (裡 → 裏, 為 → 爲), then standard traditional → simplified.
  const variant = new Uint16Array(toSimplified);
  for (const dict of [TWVariantsRev, HKVariantsRev]) {
    for (const [from, [to]] of pairs(dict)) variant[from] = to!;
  }
  const ts = new Map<number, number>();
  for (const [from, targets] of pairs(TSCharacters)) {
    ts.set(from, targets[0]!);
    if (!targets.includes(from)) traditionalOnly[from] = 1;
  }
  for (let c = 0x2e80; c < 0x10000; c++) {
    const v = variant[c]!;
    const s = ts.get(v) ?? ts.get(c);
    if (s !== undefined) toSimplified[c] = s;
    else if (v !== c) toSimplified[c] = v;
    if (v !== c && toSimplified[c] !== c) traditionalOnly[c] = 1;
  }
  for (const [from, targets] of pairs(STCharacters)) {
    if (!targets.includes(from) && !traditionalOnly[from]) simplifiedOnly[from] = 1;
  }
  tables = { toSimplified, traditionalOnly, simplifiedOnly };
  return tables;
}
