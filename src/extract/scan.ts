/**
 * Find every written number in folded text, in one left-to-right pass.
 * A token is the number with its magnitude words and an inner 余/多 (3.2万, 2兆3,248亿, 二十余),
 * not its unit: rules read the unit from what follows.
 *
 * Every step consumes input, and runs are capped, so the pass is linear in the text length
 * whatever the input (10 MB of 亿亿亿… or of digits). Characters are classified through code-unit
 * tables: this loop runs over every character of every article.
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

const MAX_RUN = 24;

/** Where a number can start: a digit, a Chinese digit, 十, or 百/千 (read with care: 百姓, 千家万户). */
const START = new Uint8Array(0x10000);
for (const ch of '0123456789零〇○一二两三四五六七八九十壹贰叁肆伍陆柒捌玖拾百千佰仟') START[ch.charCodeAt(0)] = 1;

/**
 * 百 and 千 count as 一百, 一千 before a magnitude (百亿元, 千万元) or 余/多 (百余家), or after a word
 * of estimate (近百家, 上千人, 逾千家); elsewhere they are words (百姓, 千家万户, 百分点).
 */
const IMPLICIT_ONE = new Uint8Array(0x10000);
for (const ch of '百千佰仟') IMPLICIT_ONE[ch.charCodeAt(0)] = 1;
const ESTIMATE_BEFORE = new Uint8Array(0x10000);
for (const ch of '近上逾超约过破') ESTIMATE_BEFORE[ch.charCodeAt(0)] = 1;
/** 超亿元, 近万人: 亿 and 万 alone are one of them after a word of estimate. */
const LONE_MAGNITUDE = new Uint8Array(0x10000);
for (const ch of '万亿') LONE_MAGNITUDE[ch.charCodeAt(0)] = 1;
const BAI = 0x767e; // 百, as in 百分之
const FEN = 0x5206; // 分
const ZHI = 0x4e4b; // 之

const NUMERAL = new Uint8Array(0x10000);
for (const ch of CN_NUMERAL_CHARS) NUMERAL[ch.charCodeAt(0)] = 1;
const DIGIT_CN = new Uint8Array(0x10000);
for (const ch of Object.keys(CN_DIGIT)) DIGIT_CN[ch.charCodeAt(0)] = 1;
const DIGIT_VALUE = new Int8Array(0x10000).fill(-1);
for (const [ch, v] of Object.entries(CN_DIGIT)) DIGIT_VALUE[ch.charCodeAt(0)] = v;
const OVER = new Uint8Array(0x10000);
for (const ch of INNER_OVER) OVER[ch.charCodeAt(0)] = 1;
const MAG = new Float64Array(0x10000);
for (const [ch, v] of Object.entries(MAGNITUDE)) MAG[ch.charCodeAt(0)] = v;
const WAN = 0x4e07; // 万
const YI = 0x4ebf; // 亿
const ZHAO = 0x5146; // 兆
const DIAN = 0x70b9; // 点

const isDigit = (c: number) => c >= 48 && c <= 57;
const isAsciiLetter = (c: number) => (c | 32) >= 97 && (c | 32) <= 122;
const isBigMagnitude = (c: number) => c === WAN || c === YI || c === ZHAO;

/** Calls `each` with every number in the text, in order, holding none of them. */
export function eachNumber(text: string, each: (token: NumberToken) => void): void {
  const n = text.length;
  let at = 0;
  while (at < n) {
    const c = text.charCodeAt(at);
    if (c === BAI && text.charCodeAt(at + 1) === FEN && text.charCodeAt(at + 2) === ZHI) {
      const inner = readNumber(text, at + 3);
      if (inner.token) {
        inner.token.start = at;
        inner.token.percentWord = true;
        each(inner.token);
      }
      at = Math.max(inner.resume, at + 1);
    } else if (LONE_MAGNITUDE[c] === 1 && ESTIMATE_BEFORE[text.charCodeAt(at - 1)] === 1 && !NUMERAL[text.charCodeAt(at + 1)]) {
      // 超亿元, 近万人: the magnitude alone stands for one of it
      const r = finish(text, at, at, 1, true);
      if (r.token) each(r.token);
      at = Math.max(r.resume, at + 1);
    } else if (START[c] === 1) {
      const r = readNumber(text, at);
      if (r.token) each(r.token);
      at = Math.max(r.resume, at + 1);
    } else at++;
  }
}

interface Read {
  token: NumberToken | null;
  /** Where scanning goes on: past the whole run, even when it was not a number. */
  resume: number;
}

const NONE = (resume: number): Read => ({ token: null, resume });

function readNumber(text: string, at: number): Read {
  const c = text.charCodeAt(at);
  if (isDigit(c)) return readArabic(text, at);
  if (NUMERAL[c]) return readChinese(text, at);
  return NONE(at + 1);
}

/** Skip a whole run of digits and numeral characters: used when a run is not a number. */
function skipRun(text: string, at: number): number {
  let j = at;
  for (; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (!(isDigit(c) || NUMERAL[c] || c === 46 || c === 44)) break;
  }
  return Math.max(j, at + 1);
}

/** The digits of an Arabic number: 1,234.56 · 129 .06 · 2·25. Returns the end offset or -1. */
function arabicEnd(text: string, at: number): number {
  let j = at;
  while (j < text.length && isDigit(text.charCodeAt(j))) j++;
  if (j - at > MAX_RUN) return -1;
  // 1,234,567: a comma counts only before exactly three digits
  while (
    text.charCodeAt(j) === 44 && isDigit(text.charCodeAt(j + 1)) && isDigit(text.charCodeAt(j + 2)) &&
    isDigit(text.charCodeAt(j + 3)) && !isDigit(text.charCodeAt(j + 4))
  ) j += 4;
  const dot = text.charCodeAt(j);
  if ((dot === 46 || dot === 0xb7) && isDigit(text.charCodeAt(j + 1))) {
    j++;
    while (j < text.length && isDigit(text.charCodeAt(j))) j++;
  } else if (dot === 32 && text.charCodeAt(j + 1) === 46 && isDigit(text.charCodeAt(j + 2))) {
    // 129 .06亿元: a stray space inside a number is still one number
    j += 2;
    while (j < text.length && isDigit(text.charCodeAt(j))) j++;
  }
  return j;
}

/** 2024, 71, 5: a short run of plain digits, read without building a string. */
function plainInteger(text: string, at: number, end: number): number | null {
  if (end - at > 15) return null;
  let v = 0;
  for (let i = at; i < end; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return null;
    v = v * 10 + d;
  }
  return v;
}

function readArabic(text: string, at: number): Read {
  const prev = text.charCodeAt(at - 1);
  // G20, ISO9001, v1.2.3: codes and versions, not quantities
  if (isAsciiLetter(prev) || prev === 46) return NONE(skipRun(text, at));
  const end = arabicEnd(text, at);
  if (end < 0) return NONE(skipRun(text, at));
  if (text.charCodeAt(end) === 46 && isDigit(text.charCodeAt(end + 1))) return NONE(skipRun(text, at));
  return finish(text, at, end, plainInteger(text, at, end) ?? parseArabic(text.slice(at, end)), false);
}

function readChinese(text: string, at: number): Read {
  let j = at;
  while (j < text.length && j - at <= MAX_RUN && NUMERAL[text.charCodeAt(j)]) j++;
  // The common case, a lone digit (一 in 一般, 三 in 三大): no parsing, and most go no further
  if (j === at + 1 && DIGIT_VALUE[text.charCodeAt(at)]! >= 0 && text.charCodeAt(j) !== DIAN) {
    return finish(text, at, j, DIGIT_VALUE[text.charCodeAt(at)]!, true);
  }
  if (j - at > MAX_RUN) return NONE(skipRun(text, at));
  // 三点五: a decimal point written out
  if (text.charCodeAt(j) === DIAN && DIGIT_CN[text.charCodeAt(j + 1)]) {
    j++;
    while (j < text.length && DIGIT_CN[text.charCodeAt(j)] && j - at <= MAX_RUN) j++;
  }
  // Trailing magnitudes are kept apart so that a range can share them: 十至二十万
  let k = j;
  while (k > at && isBigMagnitude(text.charCodeAt(k - 1))) k--;
  // 壹亿贰仟万: a magnitude inside the run makes the trailing one part of the number
  for (let i = at; i < k; i++) {
    if (isBigMagnitude(text.charCodeAt(i))) {
      k = j;
      break;
    }
  }
  let base = k > at ? parseChinese(text.slice(at, k)) : null;
  if (base === null && IMPLICIT_ONE[text.charCodeAt(at)] && k > at && (k < j || ESTIMATE_BEFORE[text.charCodeAt(at - 1)] || OVER[text.charCodeAt(k)])) {
    base = parseChinese(`一${text.slice(at, k)}`);
  }
  if (base === null) return NONE(j);
  return finish(text, at, k, base, true);
}

/** Read what may follow the digits: 多 before a magnitude (3000多万), magnitudes, 余 after. */
function finish(text: string, at: number, digitsEnd: number, base: number, chinese: boolean): Read {
  let j = digitsEnd;
  let over = false;
  const afterDigits = text.charCodeAt(j);
  const afterThat = text.charCodeAt(j + 1);
  if (OVER[afterDigits] && MAG[afterThat] >= 100) {
    over = true;
    j++;
  }
  let magnitude = 1;
  for (let n = 0; n < 4 && j < text.length; n++) {
    const mag = MAG[text.charCodeAt(j)]!;
    if (mag === 0 || (chinese && mag < 1e4)) break;
    magnitude *= mag;
    j++;
  }
  let value = magnitude === 1 ? base : Number((base * magnitude).toPrecision(15));
  // 2兆3,248亿, 1亿2000万, 5万3,200: a smaller section added to a larger one
  if (magnitude >= 1e4 && isDigit(text.charCodeAt(j))) {
    const end2 = arabicEnd(text, j);
    if (end2 > j) {
      const mag2 = MAG[text.charCodeAt(end2)]!;
      const part = parseArabic(text.slice(j, end2));
      if (mag2 >= 1e4 && mag2 < magnitude) {
        value = Number((value + part * mag2).toPrecision(15));
        j = end2 + 1;
      } else if (mag2 === 0 && end2 - j >= 3 && part < magnitude) {
        // the units section, written out in full (5万3,200人); 5万3 is too loose to read
        value = Number((value + part).toPrecision(15));
        j = end2;
      }
    }
  }
  if (!over && OVER[text.charCodeAt(j)]) {
    over = true;
    j++;
  }
  if (!Number.isFinite(value)) return NONE(j);
  return { token: { start: at, end: j, value, magnitude, chinese, over, percentWord: false }, resume: j };
}
