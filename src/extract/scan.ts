/**
 * Find every written number in folded text, in one left-to-right pass.
 * A token is the number with its magnitude words and an inner 余/多 (3.2万, 2兆3,248亿, 二十余),
 * not its unit: rules read the unit from what follows.
 *
 * Every step consumes input, and runs are capped, so the pass is linear in the text length
 * whatever the input (10 MB of 亿亿亿… or of digits).
 */
import { CN_DIGIT, CN_NUMERAL_CHARS, INNER_OVER, MAGNITUDE } from './lexicon.js';
import { parseArabic, parseChinese } from './numerals.js';

export interface NumberToken {
  start: number;
  end: number;
  /** The whole value, magnitudes applied: 3.2万 → 32000. */
  value: number;
  /** The product of trailing magnitude words (万 → 1e4), 1 when none; shared by ranges (10—20亿). */
  magnitude: number;
  /** Written in Chinese numerals (一百二十六) rather than digits. */
  chinese: boolean;
  /** 20余, 300多: "more than". */
  over: boolean;
  /** 百分之十五: the number is already a percent. */
  percentWord: boolean;
}

const START = /[0-9]|百分之|[零〇○一二两三四五六七八九十壹贰叁肆伍陆柒捌玖拾]/g;
const MAX_RUN = 24;

const isDigit = (c: number) => c >= 48 && c <= 57;
const isAsciiLetter = (c: number) => (c | 32) >= 97 && (c | 32) <= 122;

function isCnNumeral(ch: string | undefined): boolean {
  return ch !== undefined && CN_NUMERAL_CHARS.includes(ch);
}

export function scanNumbers(text: string): NumberToken[] {
  const tokens: NumberToken[] = [];
  START.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = START.exec(text)) !== null) {
    const at = m.index;
    let next: number;
    if (m[0] === '百分之') {
      const inner = readNumber(text, at + 3);
      if (inner.token) {
        inner.token.start = at;
        inner.token.percentWord = true;
        tokens.push(inner.token);
      }
      next = inner.resume;
    } else {
      const r = readNumber(text, at);
      if (r.token) tokens.push(r.token);
      next = r.resume;
    }
    START.lastIndex = Math.max(next, at + 1);
  }
  return tokens;
}

interface Read {
  token: NumberToken | null;
  /** Where scanning goes on: past the whole run, even when it was not a number. */
  resume: number;
}

function readNumber(text: string, at: number): Read {
  const c = text.charCodeAt(at);
  if (isDigit(c)) return readArabic(text, at);
  if (isCnNumeral(text[at])) return readChinese(text, at);
  return { token: null, resume: at + 1 };
}

/** Skip a whole run of digits and numeral characters: used when a run is not a number. */
function skipRun(text: string, at: number): number {
  let j = at;
  while (j < text.length && (isDigit(text.charCodeAt(j)) || isCnNumeral(text[j]) || text[j] === '.' || text[j] === ',')) j++;
  return Math.max(j, at + 1);
}

/** The digits of an Arabic number: 1,234.56 · 129 .06 · 2·25. Returns the end offset or -1. */
function arabicEnd(text: string, at: number): number {
  let j = at;
  while (j < text.length && isDigit(text.charCodeAt(j))) j++;
  if (j - at > MAX_RUN) return -1;
  // 1,234,567: a comma counts only before exactly three digits
  while (
    text[j] === ',' && isDigit(text.charCodeAt(j + 1)) && isDigit(text.charCodeAt(j + 2)) &&
    isDigit(text.charCodeAt(j + 3)) && !isDigit(text.charCodeAt(j + 4))
  ) j += 4;
  const dot = text[j];
  if ((dot === '.' || dot === '·') && isDigit(text.charCodeAt(j + 1))) {
    j++;
    while (j < text.length && isDigit(text.charCodeAt(j))) j++;
  } else if (dot === ' ' && text[j + 1] === '.' && isDigit(text.charCodeAt(j + 2))) {
    // 129 .06亿元: a stray space inside a number is still one number
    j += 2;
    while (j < text.length && isDigit(text.charCodeAt(j))) j++;
  }
  return j;
}

function readArabic(text: string, at: number): Read {
  const prev = text.charCodeAt(at - 1);
  // G20, ISO9001, v1.2.3: codes and versions, not quantities
  if (isAsciiLetter(prev) || prev === 46 /* . */) return { token: null, resume: skipRun(text, at) };
  const end = arabicEnd(text, at);
  if (end < 0) return { token: null, resume: skipRun(text, at) };
  if (text[end] === '.' && isDigit(text.charCodeAt(end + 1))) return { token: null, resume: skipRun(text, at) };
  const base = parseArabic(text.slice(at, end));
  return finish(text, at, end, base, false);
}

function readChinese(text: string, at: number): Read {
  let j = at;
  while (j < text.length && j - at <= MAX_RUN && isCnNumeral(text[j])) j++;
  if (j - at > MAX_RUN) return { token: null, resume: skipRun(text, at) };
  // 三点五: a decimal point written out
  if (text[j] === '点' && CN_DIGIT[text[j + 1] ?? ''] !== undefined) {
    j++;
    while (j < text.length && CN_DIGIT[text[j]!] !== undefined && j - at <= MAX_RUN) j++;
  }
  // Trailing magnitudes are kept apart so that a range can share them: 十至二十万
  let k = j;
  while (k > at && '万亿兆'.includes(text[k - 1]!)) k--;
  // 壹亿贰仟万: a magnitude inside the run makes the trailing one part of the number
  if (/[万亿兆]/.test(text.slice(at, k))) k = j;
  const run = text.slice(at, k);
  const base = k > at ? parseChinese(run) : null;
  if (base === null) return { token: null, resume: j };
  return finish(text, at, k, base, true);
}

/** Read what may follow the digits: 多 before a magnitude (3000多万), magnitudes, 余 after. */
function finish(text: string, at: number, digitsEnd: number, base: number, chinese: boolean): Read {
  let j = digitsEnd;
  let over = false;
  if (INNER_OVER.includes(text[j] ?? '\0') && MAGNITUDE[text[j + 1] ?? ''] !== undefined && text[j + 1] !== '十') {
    over = true;
    j++;
  }
  let magnitude = 1;
  const magStart = j;
  while (j < text.length && j - magStart < 4) {
    const mag = MAGNITUDE[text[j]!];
    if (mag === undefined || (chinese && mag < 1e4)) break;
    magnitude *= mag;
    j++;
  }
  let value = Number((base * magnitude).toPrecision(15));
  // 2兆3,248亿 and 1亿2000万: a smaller section added to a larger one
  if (magnitude >= 1e4 && isDigit(text.charCodeAt(j))) {
    const end2 = arabicEnd(text, j);
    if (end2 > j) {
      const mag2 = MAGNITUDE[text[end2] ?? ''];
      if (mag2 !== undefined && mag2 >= 1e4 && mag2 < magnitude) {
        value = Number((value + parseArabic(text.slice(j, end2)) * mag2).toPrecision(15));
        j = end2 + 1;
      }
    }
  }
  if (!over && INNER_OVER.includes(text[j] ?? '\0')) {
    over = true;
    j++;
  }
  if (!Number.isFinite(value)) return { token: null, resume: j };
  return {
    token: { start: at, end: j, value, magnitude, chinese, over, percentWord: false },
    resume: j,
  };
}
