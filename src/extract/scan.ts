/**
 * Find every written number in folded text, in one left-to-right pass.
 * A token is the number with its magnitude words and an inner 余/多 (3.2万, 2兆3,248亿, 二十余),
 * not its unit: rules read the unit from what follows.
 *
 * Every step consumes input, and runs are capped, so the pass is linear in the text length
 * whatever the input (10 MB of 亿亿亿… or of digits). Characters are classified through code-unit
 * tables: this loop runs over every character of every article.
 */
import { CURRENCY_MAY_END, currencyBefore } from './currency-prefix.js';
import { CN_DIGIT, CN_NUMERAL_CHARS, CN_UNIT, FINANCIAL_NUMERALS, INNER_OVER, MAGNITUDE, OVER_BEFORE_MAGNITUDE, PERCENT_FRACTIONS } from './lexicon.js';
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
  /** 百分之十五, 千分之五: the number is already a percent. */
  percentWord: boolean;
  /** 三千, 五百: the positional unit that ends a Chinese number, lent to a bare low end (两到三千元). */
  unitTail: number;
  /** 七八家, 八九亿元: the low end of a range written as two neighbouring digits (the high end follows). */
  pairLow: boolean;
  /** 人民币3亿元, US$300万, ￥500万: the currency written before the number, and where it starts. */
  currency: string | null;
  currencyStart: number;
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
const OVER_MAG = new Uint8Array(0x10000);
for (const ch of OVER_BEFORE_MAGNITUDE) OVER_MAG[ch.charCodeAt(0)] = 1;
const MAG = new Float64Array(0x10000);
for (const [ch, v] of Object.entries(MAGNITUDE)) MAG[ch.charCodeAt(0)] = v;
const WAN = 0x4e07; // 万
const YI = 0x4ebf; // 亿
const ZHAO = 0x5146; // 兆
const DIAN = 0x70b9; // 点

const isDigit = (c: number) => c >= 48 && c <= 57;
const isAsciiLetter = (c: number) => (c | 32) >= 97 && (c | 32) <= 122;
const isBigMagnitude = (c: number) => c === WAN || c === YI || c === ZHAO;
const QIAN = 0x5343; // 千
const BAN = 0x534a; // 半
const CHENG = 0x6210; // 成
const SPACE = 32;

/** A decimal point between Chinese numerals: 三点五, 十二‧五 (folded to .), 十二・五, 十二·五. */
const CN_POINT = new Uint8Array(0x10000);
for (const ch of '点.·・') CN_POINT[ch.charCodeAt(0)] = 1;

/**
 * Financial numerals (壹贰叁…拾佰仟) are numbers only where an amount is written: with a magnitude
 * or 元 (伍仟万元, 叁拾元), or after a currency; alone they begin names (陆家嘴, 伍家岗).
 */
const FINANCIAL = new Uint8Array(0x10000);
for (const ch of FINANCIAL_NUMERALS) FINANCIAL[ch.charCodeAt(0)] = 1;
const AMOUNT_AFTER = new Uint8Array(0x10000);
for (const ch of '元圆万亿兆') AMOUNT_AFTER[ch.charCodeAt(0)] = 1;

/** 七八家, 两三千元, 三五年: two neighbouring digits are a range (3 and 5 are the one usual gap). */
const PAIR_GAP = (lo: number, hi: number) => lo >= 1 && (hi === lo + 1 || (lo === 3 && hi === 5));

/** 百分之, 千分之, 万分之: where one starts at `at`, the percent one of its units is worth. */
function fractionAt(text: string, at: number): number {
  if (text.charCodeAt(at + 1) !== FEN || text.charCodeAt(at + 2) !== ZHI) return 0;
  return PERCENT_PER[text.charCodeAt(at)]!;
}
const PERCENT_PER = new Float64Array(0x10000);
for (const [ch, v] of PERCENT_FRACTIONS) PERCENT_PER[ch.charCodeAt(0)] = v;

/** Calls `each` with every number in the text, in order, holding none of them. */
export function eachNumber(text: string, each: (token: NumberToken) => void): void {
  const n = text.length;
  let at = 0;
  while (at < n) {
    const c = text.charCodeAt(at);
    const per = c === BAI || c === QIAN || c === WAN ? fractionAt(text, at) : 0;
    if (per > 0) {
      // 百分之十五, 千分之五 (0.5%), 万分之三, 百分之百
      const inner = readNumber(text, at + 3, true);
      if (inner.token) {
        inner.token.start = at;
        inner.token.percentWord = true;
        inner.token.value = Number((inner.token.value * per).toPrecision(15));
        each(inner.token);
      }
      at = Math.max(inner.resume, at + 1);
    } else if (LONE_MAGNITUDE[c] === 1 && ESTIMATE_BEFORE[text.charCodeAt(at - 1)] === 1 && !NUMERAL[text.charCodeAt(at + 1)]) {
      // 超亿元, 近万人: the magnitude alone stands for one of it
      const r = finish(text, at, at, 1, true);
      if (r.token) each(r.token);
      at = Math.max(r.resume, at + 1);
    } else if (c === BAN && text.charCodeAt(at + 1) === CHENG) {
      // 半成: half of one tenth
      each(token(at, at + 1, 0.5, 1, true, false));
      at++;
    } else if (START[c] === 1) {
      const r = readNumber(text, at, false);
      if (r.low) each(r.low);
      if (r.token) {
        const cur = CURRENCY_MAY_END[text.charCodeAt(r.token.start - 1)] ? currencyBefore(text, r.token.start) : null;
        if (cur) {
          r.token.currency = cur.code;
          r.token.currencyStart = cur.start;
        }
        each(r.token);
      }
      at = Math.max(r.resume, at + 1);
    } else at++;
  }
}

function token(start: number, end: number, value: number, magnitude: number, chinese: boolean, over: boolean): NumberToken {
  return { start, end, value, magnitude, chinese, over, percentWord: false, unitTail: 1, pairLow: false, currency: null, currencyStart: start };
}

interface Read {
  token: NumberToken | null;
  /** The low end of a range written as two digits (七 of 七八家), given before `token`. */
  low?: NumberToken;
  /** Where scanning goes on: past the whole run, even when it was not a number. */
  resume: number;
}

const NONE = (resume: number): Read => ({ token: null, resume });

function readNumber(text: string, at: number, afterFraction: boolean): Read {
  const c = text.charCodeAt(at);
  if (isDigit(c)) return readArabic(text, at);
  if (NUMERAL[c]) return readChinese(text, at, afterFraction);
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
  if ((dot === 46 || dot === 0xb7 || dot === 0x30fb) && isDigit(text.charCodeAt(j + 1))) {
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

function readChinese(text: string, at: number, afterFraction: boolean): Read {
  let j = at;
  let financial = false;
  let amount = false;
  while (j < text.length && j - at <= MAX_RUN && NUMERAL[text.charCodeAt(j)]) {
    financial ||= FINANCIAL[text.charCodeAt(j)] === 1;
    amount ||= AMOUNT_AFTER[text.charCodeAt(j)] === 1;
    j++;
  }
  // 陆家嘴, 伍家岗: a financial numeral outside an amount is the start of a name
  if (financial && !amount && !AMOUNT_AFTER[text.charCodeAt(j)]) return NONE(j);
  // The common case, a lone digit (一 in 一般, 三 in 三大): no parsing, and most go no further
  if (j === at + 1 && DIGIT_VALUE[text.charCodeAt(at)]! >= 0 && !CN_POINT[text.charCodeAt(j)]) {
    return finish(text, at, j, DIGIT_VALUE[text.charCodeAt(at)]!, true);
  }
  if (j - at > MAX_RUN) return NONE(skipRun(text, at));
  const pair = readPair(text, at, j);
  if (pair) return pair;
  // 三点五, 十二‧五: a decimal point written out, or the point of a Taiwan report
  let point = -1;
  if (CN_POINT[text.charCodeAt(j)] && DIGIT_CN[text.charCodeAt(j + 1)]) {
    point = j;
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
  const run = point < 0 ? text.slice(at, k) : `${text.slice(at, point)}点${text.slice(point + 1, k)}`;
  let base = k > at ? parseChinese(run) : null;
  if (base === null && IMPLICIT_ONE[text.charCodeAt(at)] && k > at && ((afterFraction && text.charCodeAt(k) !== FEN) || k < j || ESTIMATE_BEFORE[text.charCodeAt(at - 1)] || OVER[text.charCodeAt(k)])) {
    base = parseChinese(`一${run}`);
  }
  if (base === null) return NONE(j);
  const r = finish(text, at, k, base, true);
  const unit = CN_UNIT_VALUE[text.charCodeAt(k - 1)]!;
  if (r.token && unit > 0 && point < 0) r.token.unitTail = unit;
  return r;
}

const CN_UNIT_VALUE = new Float64Array(0x10000);
for (const [ch, v] of Object.entries(CN_UNIT)) CN_UNIT_VALUE[ch.charCodeAt(0)] = v;

/**
 * 七八家, 两三千元, 八九亿元, 三四十万: two neighbouring digits, then at most one unit, read as the
 * two ends of a range. Null when the run is anything else (一二三, 五六○, 十四五).
 */
function readPair(text: string, at: number, j: number): Read | null {
  const lo = DIGIT_VALUE[text.charCodeAt(at)]!;
  const hi = DIGIT_VALUE[text.charCodeAt(at + 1)]!;
  if (!PAIR_GAP(lo, hi) || CN_POINT[text.charCodeAt(j)]) return null;
  let k = j;
  while (k > at + 2 && isBigMagnitude(text.charCodeAt(k - 1))) k--;
  if (k > at + 3) return null;
  const unit = k === at + 2 ? 1 : CN_UNIT_VALUE[text.charCodeAt(at + 2)]!;
  if (!(unit > 0)) return null;
  const high = finish(text, at + 1, k, hi * unit, true);
  if (!high.token) return null;
  const low = token(at, at + 1, lo * unit, 1, true, false);
  low.pairLow = true;
  return { token: high.token, low, resume: high.resume };
}

/**
 * Read what may follow the digits: 多/几 before a magnitude (3000多万, 二十几万), the magnitudes, and
 * further sections of a chain, which add up as positional numerals do: 3万5千, 2亿8千万, 4千3百万,
 * 2兆3,248亿, 1.2万亿; then 余/多 after.
 */
function finish(text: string, at: number, digitsEnd: number, base: number, chinese: boolean): Read {
  let j = digitsEnd;
  let over = false;
  if (OVER_MAG[text.charCodeAt(j)] && MAG[text.charCodeAt(j + 1)]! >= (chinese ? 1e4 : 100)) {
    over = true;
    j++;
  }
  // 新台币 30 亿元: a space between the digits and their magnitude
  if (!chinese && text.charCodeAt(j) === SPACE && MAG[text.charCodeAt(j + 1)]! >= 100) j++;
  // most numbers (2023年, 一 in 一般) have no magnitude after them: no chain to read
  let value = base;
  let magnitude = 1;
  let resume = j;
  if (MAG[text.charCodeAt(j)]! > 0) {
    const chain = readChain(text, j, base, chinese);
    j = chain.end;
    resume = chain.resume;
    over ||= chain.over;
    value = chain.value;
    magnitude = chain.magnitude;
  }
  if (!over && OVER[text.charCodeAt(j)]) {
    over = true;
    j++;
  }
  if (!Number.isFinite(value)) return NONE(j);
  const t = token(at, j, value, magnitude, chinese, over);
  return { token: t, resume: Math.max(j, resume) };
}

interface Chain {
  value: number;
  /** 3千多万: 多 between a section's units and its magnitude. */
  over: boolean;
  /** Where scanning goes on: past digits that dangle after the chain (1万20人). */
  resume: number;
  /** What the first number is multiplied by (3千万 → 1e7): what a bare low end borrows. */
  magnitude: number;
  end: number;
}

/**
 * A chain of numbers and units after the first number, read positionally: a unit (十百千) scales the
 * number before it inside a section, a magnitude (万亿兆) closes the section, and sections add up.
 * Consecutive magnitudes multiply (万亿). Chinese numerals have their units inside the run already,
 * so only magnitudes and Arabic sections are read after them.
 */
function readChain(text: string, from: number, first: number, chinese: boolean): Chain {
  let j = from;
  let total = 0; // closed sections, each times its magnitude
  let lastMag = Infinity; // the magnitude of the last closed section: the next must be smaller
  let lastSection = 0; // the value of the last closed section, for 万亿
  let section = 0; // the units part of the section in progress (4千3百)
  let pending = first; // the number that has no unit yet; NaN when none
  let smallLimit = Infinity;
  let magnitude = 1;
  let firstOpen = true; // still scaling the first number
  let sectionStart = from; // where the section in progress began, to give it back when it fails
  let over = false;
  let dangling = from;
  for (let steps = 0; steps < 12 && j < text.length; steps++) {
    const c = text.charCodeAt(j);
    if (OVER_MAG[c] && section > 0 && Number.isNaN(pending) && MAG[text.charCodeAt(j + 1)]! >= 1e4) {
      over = true;
      j++;
      continue;
    }
    const m = MAG[c]!;
    if (m > 0 && m < 1e4 && !chinese && !Number.isNaN(pending)) {
      // 百分点, 百分之: 百 there is not a unit
      if (m >= smallLimit || text.charCodeAt(j + 1) === FEN) break;
      section += pending * m;
      pending = NaN;
      smallLimit = m;
      if (firstOpen) magnitude *= m;
      j++;
      continue;
    }
    if (m >= 1e4) {
      const value = section + (Number.isNaN(pending) ? 0 : pending);
      if (section === 0 && Number.isNaN(pending)) {
        // 1.2万亿: a magnitude right after another multiplies the section just closed
        if (lastMag === Infinity) break;
        total += lastSection * (m - 1);
        lastSection *= m;
        lastMag *= m;
      } else {
        if (m >= lastMag) {
          j = sectionStart; // 5万3万: two numbers, not one
          break;
        }
        lastSection = value * m;
        total += lastSection;
        lastMag = m;
      }
      if (firstOpen) magnitude *= m;
      section = 0;
      pending = NaN;
      smallLimit = Infinity;
      j++;
      continue;
    }
    // 3亿五千万: a further section in Chinese numerals, closed by a smaller magnitude
    if (NUMERAL[c] && Number.isNaN(pending) && section === 0 && lastMag !== Infinity) {
      let e = j;
      while (e < text.length && e - j < 8 && NUMERAL[text.charCodeAt(e)] && !isBigMagnitude(text.charCodeAt(e))) e++;
      const part = e > j && MAG[text.charCodeAt(e)]! >= 1e4 ? parseChinese(text.slice(j, e)) : null;
      if (part === null) break;
      firstOpen = false;
      sectionStart = j;
      pending = part;
      j = e;
      continue;
    }
    // A further section in Arabic digits: 3万5千, 1亿2000万, 2兆3,248亿, 5万3,200
    if (!isDigit(c) || !Number.isNaN(pending) || (section === 0 && lastMag === Infinity)) break;
    const end = arabicEnd(text, j);
    if (end <= j) break;
    const part = parseArabic(text.slice(j, end));
    const after = MAG[text.charCodeAt(end)]!;
    // inside a section (4千3百) the next unit must be smaller; 百分 is no unit
    if (after > 0 && (section === 0 || after < smallLimit || after >= 1e4) && text.charCodeAt(end + 1) !== FEN) {
      firstOpen = false;
      sectionStart = j;
      pending = part;
      j = end;
      continue;
    }
    // the units section, written out in full (5万3,200人)
    if (after === 0 && section === 0 && end - j >= 3 && part < lastMag) {
      firstOpen = false;
      total += part;
      j = end;
    } else if (after === 0 && section === 0 && end === j + 1 && lastMag >= 1e4 && lastMag <= 1e8 && Number.isInteger(total / lastMag)) {
      // 1万2, 3亿5: one digit after 万 or 亿 counts the next unit down (12000, 3.5亿), as said aloud
      firstOpen = false;
      total += part * (lastMag / 10);
      j = end;
    } else if (after === 0) {
      // 1万20人: digits that cannot be read as part of the number are not a number of their own
      dangling = end;
    }
    break;
  }
  if (!Number.isNaN(pending) && lastMag === Infinity && section === 0) {
    return { value: pending, magnitude: 1, over, end: j, resume: j };
  }
  if (!Number.isNaN(pending) && !firstOpen) j = sectionStart; // a dangling section is not read
  else if (!Number.isNaN(pending)) total += pending;
  total += section;
  return { value: Number(total.toPrecision(15)), magnitude, over, end: j, resume: Math.max(j, dangling) };
}
