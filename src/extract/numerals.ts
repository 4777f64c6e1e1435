/**
 * Parse written numbers: Arabic (1,234.5), Chinese positional (一百二十六, 两千零五),
 * Chinese digit by digit (五六○ = 560) and decimals (三点五).
 */
import { CN_DIGIT, CN_UNIT } from './lexicon.js';

/** 一百二十六 → 126; 五六○ → 560; 三点五 → 3.5; null where the run is not one number (十四五, 三四). */
export function parseChinese(run: string): number | null {
  const dot = run.indexOf('点');
  if (dot >= 0) {
    const whole = parseChinese(run.slice(0, dot));
    const frac = run.slice(dot + 1);
    if (whole === null || frac.length === 0) return null;
    let digits = '';
    for (const ch of frac) {
      const d = CN_DIGIT[ch];
      if (d === undefined) return null;
      digits += d;
    }
    return Number(`${whole}.${digits}`);
  }
  if (run.length === 0) return null;
  let positional = false;
  for (const ch of run) if (CN_DIGIT[ch] === undefined) positional = true;
  return positional ? parsePositional(run) : parseDigitByDigit(run);
}

/**
 * 五六○ → 560. Without a zero, two digits are a vague range (三四家 = "three or four"), so only
 * runs with a zero or of three digits or more are read digit by digit.
 */
function parseDigitByDigit(run: string): number | null {
  if (run.length === 1) return CN_DIGIT[run]!;
  const hasZero = /[零〇○]/.test(run);
  if (!hasZero && run.length < 3) return null;
  let digits = '';
  for (const ch of run) digits += CN_DIGIT[ch];
  return Number(digits);
}

/**
 * 一百二十六 → 126, 十五 → 15, 一亿五千万 → 150000000, 三万亿 → 3e12, 三十兆二千亿 → 3.0002e13.
 * A magnitude closes the section before it; sections add up, and a magnitude right after another
 * (万亿) multiplies the section just closed. Each section's magnitude must be below the one before.
 */
function parsePositional(run: string): number | null {
  let total = 0;
  let section = 0;
  let digit = -1; // -1: no pending digit
  let lastUnit = Infinity;
  let lastMag = Infinity; // the magnitude of the last closed section
  let lastSection = 0; // its value, magnitude applied
  let justClosed = false;
  for (let i = 0; i < run.length; i++) {
    const ch = run[i]!;
    const d = CN_DIGIT[ch];
    if (d !== undefined) {
      // 十四五: two digits in a row without a unit between them is a name, not a number
      if (digit > 0) return null;
      digit = d;
      justClosed = false;
      continue;
    }
    const u = CN_UNIT[ch];
    if (u !== undefined) {
      if (u >= lastUnit) return null; // 百十: units must fall inside a section
      if (digit === -1) {
        if (u !== 10 || section !== 0) return null; // 十五 is fine, 百五 is not
        digit = 1;
      }
      section += digit * u;
      lastUnit = u;
      digit = -1;
      justClosed = false;
      continue;
    }
    const mag = ch === '万' ? 1e4 : ch === '亿' ? 1e8 : ch === '兆' ? 1e12 : 0;
    if (mag === 0) return null;
    const sectionValue = section + Math.max(digit, 0);
    if (justClosed) {
      // 三万亿: 万 then 亿 multiplies the section
      total += lastSection * (mag - 1);
      lastSection *= mag;
      lastMag *= mag;
    } else {
      if (sectionValue === 0 || mag >= lastMag) return null;
      lastSection = sectionValue * mag;
      total += lastSection;
      lastMag = mag;
    }
    section = 0;
    digit = -1;
    lastUnit = Infinity;
    justClosed = true;
  }
  return total + section + Math.max(digit, 0);
}

/** 1,234.56 → 1234.56; "129 .06" (a stray space) → 129.06; 2·25 → 2.25. */
export function parseArabic(raw: string): number {
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c !== 46 && (c < 48 || c > 57)) return Number(raw.replace(/[,\s]/g, '').replace(/[·‧・]/g, '.'));
  }
  return Number(raw);
}
