/**
 * Builds the per-character script tables from opencc-js's own dictionaries. Run at development
 * time by `npm run gen:tables`, which writes script-data.generated.ts; a test checks that the
 * generated data is what these dictionaries give today.
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

/**
 * Parse an opencc dictionary string `"個 个|乾 干 乾"`, calling back with each single-code-unit
 * source, its first single-code-unit target, and whether it maps to itself too. One pass with
 * native indexOf: this runs at every start of the CLI.
 */
function pairs(dict: string, each: (from: number, first: number, self: boolean) => void): void {
  const n = dict.length;
  for (let i = 0; i < n; ) {
    let end = dict.indexOf('|', i);
    if (end < 0) end = n;
    if (end - i >= 3 && dict.charCodeAt(i + 1) === 32) {
      const from = dict.charCodeAt(i);
      let first = -1;
      let self = false;
      for (let k = i + 2; k < end; ) {
        let stop = dict.indexOf(' ', k);
        if (stop < 0 || stop > end) stop = end;
        if (stop - k === 1) {
          const t = dict.charCodeAt(k);
          if (first < 0) first = t;
          if (t === from) self = true;
        }
        k = stop + 1;
      }
      if (first >= 0) each(from, first, self);
    }
    i = end + 1;
  }
}

export function buildScriptTables(): ScriptTables {
  const toSimplified = new Uint16Array(0x10000);
  for (let i = 0; i < 0x10000; i++) toSimplified[i] = i;
  const traditionalOnly = new Uint8Array(0x10000);
  const simplifiedOnly = new Uint8Array(0x10000);

  const ts = new Uint16Array(0x10000); // standard traditional → simplified, 0 where none
  pairs(TSCharacters, (from, to, self) => {
    ts[from] = to;
    toSimplified[from] = to;
    if (!self) traditionalOnly[from] = 1;
  });
  // Regional variants (裡 → 裏, 為 → 爲) fold through their standard form to simplified.
  for (const dict of [TWVariantsRev, HKVariantsRev]) {
    pairs(dict, (from, to) => {
      const s = ts[to] || to;
      toSimplified[from] = s;
      if (s !== from) traditionalOnly[from] = 1;
    });
  }
  pairs(STCharacters, (from, _to, self) => {
    if (!self && !traditionalOnly[from]) simplifiedOnly[from] = 1;
  });
  return { toSimplified, traditionalOnly, simplifiedOnly };
}

/** The tables as three strings: folded pairs (個个億亿…), traditional-only and simplified-only characters. */
export function serializeScriptTables(t: ScriptTables): { pairs: string; traditionalOnly: string; simplifiedOnly: string } {
  let pairs = '';
  let traditionalOnly = '';
  let simplifiedOnly = '';
  for (let c = 0; c < 0x10000; c++) {
    if (t.toSimplified[c] !== c) pairs += String.fromCharCode(c, t.toSimplified[c]!);
    if (t.traditionalOnly[c]) traditionalOnly += String.fromCharCode(c);
    if (t.simplifiedOnly[c]) simplifiedOnly += String.fromCharCode(c);
  }
  return { pairs, traditionalOnly, simplifiedOnly };
}
