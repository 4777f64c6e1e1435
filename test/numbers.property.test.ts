/**
 * Every value, written the way reports write it, reads back exactly. A renderer (written here,
 * independently of src/extract) turns random values into Chinese positional numerals, digit +
 * magnitude chains (3万5千, 2亿8千万, 3亿五千万), decimals with 万/亿, 兆…亿 chains, traditional 萬/億/兩 and
 * full-width digits; each goes into a sentence with a unit, and `extract` must return that value,
 * once. Values are computed with BigInt, so the expected number is exact.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extract } from '../src/index.js';

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const UNITS = ['', '十', '百', '千'];

/** 0 < n < 10000 as a Chinese section: 三千零五, 四百二十, 十五 (when `leading`, 一十五 is 十五). */
function section(n: number, leading: boolean, liang: boolean): string {
  let out = '';
  let zero = false;
  for (let p = 3; p >= 0; p--) {
    const d = Math.floor(n / 10 ** p) % 10;
    if (d === 0) {
      if (out !== '') zero = true;
      continue;
    }
    if (zero) out += '零';
    zero = false;
    if (d === 1 && p === 1 && out === '' && leading) out += '十';
    else out += (d === 2 && p >= 2 && liang ? '两' : DIGITS[d]) + UNITS[p];
  }
  return out;
}

/** A positive integer below 1e16 in Chinese positional numerals: 三亿零五百万, 十二万三千. */
function chinese(n: bigint, liang: boolean): string {
  const groups: Array<[bigint, string]> = [[10n ** 12n, '兆'], [10n ** 8n, '亿'], [10n ** 4n, '万'], [1n, '']];
  let out = '';
  let rest = n;
  for (const [size, word] of groups) {
    const g = Number(rest / size);
    rest %= size;
    if (g === 0) continue;
    // a section below 1000 after a higher one begins with 零 (一亿零五百万)
    if (out !== '' && g < 1000) out += '零';
    out += section(g, out === '', liang) + word;
  }
  return out.replace(/零+/g, '零');
}

/** Digits with a unit after each non-zero digit of the thousands and hundreds: 4300 → 4千3百. */
function unitDigits(n: number): string | null {
  if (n % 100 !== 0 || n === 0) return null;
  const th = Math.floor(n / 1000);
  const h = Math.floor(n / 100) % 10;
  return `${th ? `${th}千` : ''}${h ? `${h}百` : ''}`;
}

function withCommas(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
}

interface Rendered {
  text: string;
  value: bigint;
}

/** 2亿8千万, 3万5千, 1亿2000万, 4千3百万: sections in digits, some with 千/百 after the digits. */
const chain = fc
  .record({
    yi: fc.integer({ min: 0, max: 99 }),
    wan: fc.integer({ min: 0, max: 9999 }),
    ones: fc.integer({ min: 0, max: 9999 }),
    styles: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
  })
  .filter(({ yi, wan, ones }) => (yi > 0 || wan > 0) && (ones === 0 || ones >= 100))
  .map(({ yi, wan, ones, styles }): Rendered => {
    let text = '';
    if (yi > 0) text += `${yi}亿`;
    // 3亿五千万: after a magnitude in digits, a section may be written in Chinese numerals
    if (wan > 0) text += `${yi > 0 && styles[3] ? section(wan, true, false) : (styles[0] && unitDigits(wan)) || String(wan)}万`;
    // the units section: with its units (5千) or written out in full (3,200)
    if (ones > 0) text += (styles[1] && unitDigits(ones)) || (styles[2] ? withCommas(ones) : String(ones));
    return { text, value: BigInt(yi) * 10n ** 8n + BigInt(wan) * 10n ** 4n + BigInt(ones) };
  });

/** 3.25亿, 12.5万, 0.8亿: a decimal with one or two places and its magnitude. */
const decimal = fc
  .record({ whole: fc.integer({ min: 0, max: 9999 }), frac: fc.integer({ min: 1, max: 99 }), places: fc.constantFrom(1, 2), yi: fc.boolean() })
  .filter(({ frac, places }) => places === 2 || frac < 10)
  .map(({ whole, frac, places, yi }): Rendered => {
    const scale = 10n ** BigInt(places);
    const mag = yi ? 10n ** 8n : 10n ** 4n;
    return { text: `${whole}.${String(frac).padStart(places, '0')}${yi ? '亿' : '万'}`, value: ((BigInt(whole) * scale + BigInt(frac)) * mag) / scale };
  });

/** 2兆3,248亿 and 三十兆二千亿: the 兆 section and the 亿 section add up. */
const zhao = fc
  .record({ zhao: fc.integer({ min: 1, max: 99 }), yi: fc.integer({ min: 1, max: 9999 }), inChinese: fc.boolean() })
  .map(({ zhao: z, yi, inChinese }): Rendered => ({
    text: inChinese ? `${section(z, true, false)}兆${yi < 1000 ? '零' : ''}${section(yi, false, false)}亿` : `${z}兆${withCommas(yi)}亿`,
    value: BigInt(z) * 10n ** 12n + BigInt(yi) * 10n ** 8n,
  }));

/** Chinese positional numerals up to the hundreds of 亿: 三亿零五百万, 十二万三千四百, 两千零五. */
const positional = fc
  .record({ n: fc.bigInt({ min: 11n, max: 10n ** 11n - 1n }), liang: fc.boolean() })
  .map(({ n, liang }): Rendered => ({ text: chinese(n, liang), value: n }));

/** Plain digits, with or without thousands separators. */
const plain = fc
  .record({ n: fc.integer({ min: 10, max: 99_999_999 }), commas: fc.boolean() })
  .map(({ n, commas }): Rendered => ({ text: commas ? withCommas(n) : String(n), value: BigInt(n) }));

const TRADITIONAL: Record<string, string> = { 万: '萬', 亿: '億', 两: '兩' };
const FULL_WIDTH = (s: string) => s.replace(/[0-9.]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

/** Sentences with a unit: what kind of figure each makes, in both scripts. */
const SENTENCES = [
  { simplified: ['园区全年完成投资', '元。'], traditional: ['園區全年完成投資', '元。'], kind: 'money' },
  { simplified: ['全区从业人员达到', '人。'], traditional: ['全區從業人員達到', '人。'], kind: 'count' },
  { simplified: ['新建标准厂房', '平方米，已全部交付。'], traditional: ['新建標準廠房', '平方米，已全部交付。'], kind: 'area' },
] as const;

const written = fc.record({
  number: fc.oneof(chain, decimal, zhao, positional, plain),
  sentence: fc.constantFrom(...SENTENCES),
  traditional: fc.boolean(),
  fullWidth: fc.boolean(),
});

describe('numbers as reports write them', () => {
  it('read back exactly, in any script and width', () => {
    fc.assert(
      fc.property(written, ({ number, sentence, traditional, fullWidth }) => {
        let text = number.text;
        if (traditional) text = text.replace(/[万亿两]/g, (c) => TRADITIONAL[c]!);
        if (fullWidth) text = FULL_WIDTH(text);
        const [before, after] = traditional ? sentence.traditional : sentence.simplified;
        const input = `${before}${text}${after}`;
        const metrics = extract(input).metrics;
        expect(metrics.map((m) => [m.kind, m.value]), input).toEqual([[sentence.kind, Number(number.value)]]);
      }),
      { numRuns: 2000 },
    );
  });

  it('ranges read back as their two ends, the low end never above the high end', () => {
    const MAGS: Array<[string, bigint]> = [['', 1n], ['万', 10n ** 4n], ['亿', 10n ** 8n]];
    const range = fc
      .record({
        a: fc.integer({ min: 1, max: 9999 }),
        b: fc.integer({ min: 1, max: 9999 }),
        magA: fc.constantFrom(...MAGS),
        magB: fc.constantFrom(...MAGS),
        ownMagnitude: fc.boolean(),
        connector: fc.constantFrom('至', '到', '—', '~', '－'),
      })
      .map(({ a, b, magA, magB, ownMagnitude, connector }) => {
        // 800至1200万元 (a low end without a magnitude borrows 万) or 5000万至1亿元 (each has its own)
        const lowMag = ownMagnitude && magA[0] !== '' ? magA : magB;
        return {
          text: `${a}${ownMagnitude ? magA[0] : ''}${connector}${b}${magB[0]}元`,
          low: BigInt(a) * lowMag[1],
          high: BigInt(b) * magB[1],
        };
      });
    const ordered = range.filter(({ low, high }) => low < high);
    // 两到三千元, 三四百人: Chinese digits with one unit after the high end
    const digits = fc
      .record({ lo: fc.integer({ min: 1, max: 8 }), gap: fc.integer({ min: 1, max: 3 }), unit: fc.constantFrom<[string, bigint]>(['十', 10n], ['百', 100n], ['千', 1000n]), connector: fc.constantFrom('到', '至', '') })
      .filter(({ lo, gap, connector }) => lo + gap <= 9 && (connector !== '' || gap === 1))
      .map(({ lo, gap, unit, connector }) => ({
        text: `${DIGITS[lo]}${connector}${DIGITS[lo + gap]}${unit[0]}元`,
        low: BigInt(lo) * unit[1],
        high: BigInt(lo + gap) * unit[1],
      }));
    fc.assert(
      fc.property(fc.oneof(ordered, digits), ({ text, low, high }) => {
        const input = `每个项目补助资金${text}，按进度拨付。`;
        const metrics = extract(input).metrics;
        expect(metrics.map((m) => [m.value, m.range]), input).toEqual([[Number(low), 'low'], [Number(high), 'high']]);
      }),
      { numRuns: 1000 },
    );
    // written high to low (5000至1万元 would borrow 万): never given as a range that runs down
    fc.assert(
      fc.property(range, ({ text }) => {
        const metrics = extract(`每个项目补助资金${text}，按进度拨付。`).metrics;
        const low = metrics.find((m) => m.range === 'low');
        const high = metrics.find((m) => m.range === 'high');
        if (low) expect(high && low.value <= high.value).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('the renderer itself writes what it means (a few fixed points)', () => {
    expect(chinese(300050000n, false)).toBe('三亿零五万');
    expect(chinese(120005n, true)).toBe('十二万零五');
    expect(chinese(2005n, true)).toBe('两千零五');
    expect(unitDigits(4300)).toBe('4千3百');
  });
});
