/**
 * Fold the text so that rules need only match simplified script and ASCII digits:
 * full-width forms → ASCII (１２３％ → 123%), ideographic space → space, 2‧25 → 2.25,
 * traditional → simplified (億 → 亿, 個 → 个).
 *
 * Every replacement is one UTF-16 code unit for one, so the folded text has the same length as the
 * original and a span found in one is the same span in the other.
 */
import { scriptTables } from './script-tables.js';
import type { Script } from '../types.js';

let foldTable: Uint16Array | undefined;

function table(): Uint16Array {
  if (foldTable) return foldTable;
  const t = new Uint16Array(scriptTables().toSimplified);
  for (let c = 0xff01; c <= 0xff5e; c++) t[c] = c - 0xfee0; // ＡＢ１２％ → AB12%
  t[0x3000] = 0x20; // ideographic space
  t[0x2027] = 0x2e; // 2‧25: the hyphenation point used as a decimal point in Taiwan
  t[0xff0e] = 0x2e; // ２．２５
  t[0x2014] = 0x2014; // keep the em dash: ranges 10—20 are read from it
  foldTable = t;
  return t;
}

export interface Folded {
  /** Same length as the input; simplified script, ASCII digits and punctuation. */
  text: string;
  script: Script;
}

/** Below this length a label or a period is folded in a loop: no buffers, and no copy when nothing changes. */
const SHORT = 64;

export function fold(input: string): Folded {
  const t = table();
  const { traditionalOnly, simplifiedOnly } = scriptTables();
  if (input.length < SHORT) {
    let trad = 0;
    let simp = 0;
    let cjk = 0;
    let changed = false;
    const codes: number[] = [];
    for (let i = 0; i < input.length; i++) {
      const c = input.charCodeAt(i);
      const f = t[c]!;
      codes.push(f);
      if (f !== c) changed = true;
      if (c >= 0x3400) {
        cjk++;
        trad += traditionalOnly[c]!;
        simp += simplifiedOnly[c]!;
      }
    }
    return { text: changed ? String.fromCharCode(...codes) : input, script: classifyScript(cjk, trad, simp) };
  }
  // The code units go through a Buffer both ways: Node encodes and decodes UTF-16 natively, far
  // faster than building the string back from char codes. Lone surrogates survive the round trip.
  let buf = Buffer.from(input, 'utf16le');
  if (buf.byteOffset % 2 !== 0) buf = Buffer.from(buf); // a 16-bit view needs an even offset
  const units = new Uint16Array(buf.buffer, buf.byteOffset, buf.length >> 1);
  const n = units.length;
  let trad = 0;
  let simp = 0;
  let cjk = 0;
  for (let i = 0; i < n; i++) {
    const c = units[i]!;
    units[i] = t[c]!;
    if (c >= 0x3400) {
      cjk++;
      trad += traditionalOnly[c]!;
      simp += simplifiedOnly[c]!;
    }
  }
  return { text: buf.toString('utf16le'), script: classifyScript(cjk, trad, simp) };
}

/**
 * A document is traditional when its script-specific characters are overwhelmingly traditional,
 * simplified when they are overwhelmingly simplified, mixed when both are common.
 */
function classifyScript(cjk: number, trad: number, simp: number): Script {
  if (cjk === 0) return 'none';
  const marked = trad + simp;
  if (marked === 0) return 'simplified';
  if (trad / marked >= 0.9) return 'traditional';
  if (simp / marked >= 0.9) return 'simplified';
  return 'mixed';
}
