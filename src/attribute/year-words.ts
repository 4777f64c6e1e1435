/**
 * How years are written, shared by the period and year-in-force scans: Gregorian years (2024年),
 * Republic of China years in Taiwan reports (113年, 民國113年 = 2024), and the words that make a
 * stated year a comparison base (较112年, 是2021年的2.8倍) or a completion date (预计2027年建成)
 * rather than the time a figure holds. All patterns read folded (simplified) text.
 */

/** Words that mark a report as Taiwanese, where a three-digit year counts from 1912 (民国元年). */
const ROC_MARKERS = /民国|新台币|台币|台湾|中央社|经济部|国科会|加工出口区|行政院|立法院|高雄|新竹|桃园|屏东|彰化|竹科|南科|台北市|台中市|台南市/;

/** ROC years run from 1912; 100年 is 2011, 113年 is 2024. */
export const ROC_OFFSET = 1911;

/** Does this (folded) text count years from the Republic's founding? */
export function usesRocYears(folded: string): boolean {
  return ROC_MARKERS.test(folded);
}

/** 建党100年, 成立110年来, 100周年: a count of years, not an ROC year. */
const NOT_A_YEAR_BEFORE = '建党|建国|成立|建校|建园|建厂|百';
const NOT_A_YEAR_AFTER = '来|间|里|历史|周年|华诞|之际';
/** A bare three-digit ROC year: 113 before 年, not a count of years. */
const BARE_ROC = String.raw`(?<![\d.,])1[01]\d(?=年(?!${NOT_A_YEAR_AFTER}))(?<!(?:${NOT_A_YEAR_BEFORE})\d{3})`;

/** A year as a regex source: four digits, and in a Taiwan report also 民国113, 今(113) or 113 (a year of 2011–2030). */
export function yearAtom(roc: boolean): string {
  return roc ? String.raw`(?:\d{4}|[今去明]?\((?:民国)?1[01]\d\)(?=年)|(?:民国)?${BARE_ROC})` : String.raw`\d{4}`;
}

/** 113年, 民国113年, and 今(113)年 / 去(112)年 as Taiwan papers write this year and the last. */
const ROC_YEAR = new RegExp(String.raw`[今去明]?\((?:民国)?(1[01]\d)\)(?=年)|(?:民国)?(${BARE_ROC})`, 'g');

/** A period as written with its ROC years turned Gregorian: 截至113年底 → 截至2024年底. */
export function gregorian(period: string): string {
  return period.replace(ROC_YEAR, (_, a: string | undefined, b: string | undefined) => String(Number(a ?? b) + ROC_OFFSET));
}

/** ROC years written in a text: where each starts and the Gregorian year it means. */
export function rocYears(folded: string): Array<{ at: number; end: number; year: number }> {
  const out: Array<{ at: number; end: number; year: number }> = [];
  ROC_YEAR.lastIndex = 0;
  for (let m = ROC_YEAR.exec(folded); m; m = ROC_YEAR.exec(folded)) out.push({ at: m.index, end: m.index + m[0].length + 1, year: Number(m[1] ?? m[2]) + ROC_OFFSET });
  return out;
}

/** Words right before a stated period that make it a comparison base: 较上年, 比2022年, 与去年同期相比. */
const BASE_BEFORE = /(?:较|比|比较|相比|与|同|对比|高于|低于|超过)$/;
/** After a year: 2021年的2.8倍, 2019年的两倍多: the year the multiple is counted from. */
const BASE_AFTER = /^(?:全年)?的[^，,。；;]{0,10}?倍/;
/** After a year: 2027年建成, 116年完工: a completion date, not when a figure holds. */
const COMPLETION_AFTER = /^(?:底|末|年底|上半年|下半年|\d{1,2}月(?:份|底)?)?(?:前|内)?(?:全面|全部|正式|基本)?(?:建成|完工|竣工|投产|投用|落成|交付|开园|达产)/;

/** Is the period or year at `[start, end)` of `text` a comparison base? */
export function isBase(text: string, start: number, end: number): boolean {
  return BASE_BEFORE.test(text.slice(Math.max(0, start - 2), start)) || isMultipleBase(text, end);
}

/** Is the year ending at `end` the base of a multiple (2021年的2.8倍)? The multiple itself holds in the present period. */
export function isMultipleBase(text: string, end: number): boolean {
  return BASE_AFTER.test(text.slice(end, end + 14));
}

/** Is the year at `[start, end)` of `text` a completion date (预计2027年建成)? */
export function isCompletionDate(text: string, end: number): boolean {
  return COMPLETION_AFTER.test(text.slice(end, end + 10));
}
