/**
 * `when`: a period as written (folded) resolved to a month range. A year left implicit (1—9月,
 * 今年, 去年, 今年以来) is taken from the year stated earlier in the article or, failing that, from
 * the publication date; vague spans (近年来, 目前) and periods with no year to be found are null.
 */
import type { When } from '../types.js';

export interface WhenContext {
  /** The last year stated before the figure (not as a comparison base), or null. */
  yearBefore: number | null;
  /** A span of years stated before the figure (2013—2023), for 十年来. */
  spanBefore: [number, number] | null;
  /** Publication date YYYY-MM-DD, or null. */
  published: string | null;
}

const CN_DIGIT: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** 3, 十二, 十一 → a number; null when not a month-sized number. */
function num(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  if (s === '十') return 10;
  if (/^十[一二]$/.test(s)) return 10 + CN_DIGIT[s[1]!]!;
  return CN_DIGIT[s] ?? null;
}

const mm = (y: number, m: number) => `${y}-${String(m).padStart(2, '0')}`;
const range = (y1: number, m1: number, y2: number, m2: number): When => ({ from: mm(y1, m1), to: mm(y2, m2) });

const SPAN = /((?:19|20)\d{2})年?\s*[—–\-~至到]\s*((?:19|20)\d{2})(?!\d)年?/;
const YEAR = /(\d{4})年/;
const MONTHS = /(\d{1,2}|[一二三四五六七八九十]{1,2})\s*[—–\-~至到]\s*(\d{1,2}|[一二三四五六七八九十]{1,2})月/;
const MONTH = /(\d{1,2}|十[一二]?|[一二三四五六七八九])月/;
const YEARS_AGO = /^(?:近|过去)?([一二三四五六七八九十两]+|\d{1,2})年(?:来|间|里|中)?$/;

export function publishedYear(published: string | null): number | null {
  return published ? Number(published.slice(0, 4)) : null;
}

function publishedMonth(published: string | null): number | null {
  return published ? Number(published.slice(5, 7)) : null;
}

/** The month range of a period (folded text), or null. */
export function resolveWhen(period: string | null, ctx: WhenContext): When | null {
  if (!period) return null;
  const p = period.replace(/\s+/g, '');
  // 2023/24年度: a fiscal year, April to March
  const fiscal = /(\d{4})\/(\d{2})年度/.exec(p);
  if (fiscal) return range(Number(fiscal[1]), 4, Number(fiscal[1]) + 1, 3);
  const span = SPAN.exec(p);
  if (span) return range(Number(span[1]), 1, Number(span[2]), 12);
  // 过去一年 in an article: the year before publication
  if (/^过去(?:的)?一年$/.test(p) && ctx.published) {
    const y = publishedYear(ctx.published)! - 1;
    return range(y, 1, y, 12);
  }
  // 十年来, 近五年: the span of years stated before, when it is that long
  const ago = YEARS_AGO.exec(p);
  if (ago) {
    const n = num(ago[1]!);
    if (n && ctx.spanBefore && ctx.spanBefore[1] - ctx.spanBefore[0] === n) return range(ctx.spanBefore[0], 1, ctx.spanBefore[1], 12);
    return null;
  }
  if (/近年|近期|目前|当前|现在|未来|以后|之后|后$|届时|建成|投产|投用/.test(p) && !YEAR.test(p)) return null;
  // 2023年刚开年: the first weeks of a year, no month range
  if (/开年/.test(p)) return null;

  const explicit = YEAR.exec(p);
  const ref = ctx.yearBefore ?? publishedYear(ctx.published);
  let year: number | null = explicit ? Number(explicit[1]) : null;
  if (year === null) {
    if (/去年|上年|上一年|过去(?:的)?一年/.test(p)) year = ref !== null ? ref - 1 : null;
    else if (/前年/.test(p)) year = ref !== null ? ref - 2 : null;
    else if (/明年/.test(p)) year = ref !== null ? ref + 1 : null;
    else year = ref;
  }
  if (year === null) return null;

  // up to now: 今年以来, 3月以来, 从3月份 — to the publication month when it is that year
  const sinceNow = /以来|至今|从|自/.test(p);
  const pubY = publishedYear(ctx.published);
  const end = sinceNow && pubY === year ? publishedMonth(ctx.published)! : 12;

  const months = MONTHS.exec(p);
  if (months) {
    const a = num(months[1]!);
    const b = num(months[2]!);
    if (a && b && a <= b && b <= 12) return range(year, a, year, b);
  }
  const firstMonths = /前(\d{1,2}|[一二三四五六七八九十]{1,2})个月/.exec(p);
  if (firstMonths) {
    const n = num(firstMonths[1]!);
    if (n && n <= 12) return range(year, 1, year, n);
  }
  if (/前三季度?/.test(p)) return range(year, 1, year, 9);
  if (/(?:前两季度?|上半年)/.test(p)) return range(year, 1, year, 6);
  if (/下半年/.test(p)) return range(year, 7, year, 12);
  const quarter = /(?:第)?([一二三四1-4])季度?/.exec(p);
  if (quarter) {
    const q = num(quarter[1]!)!;
    return range(year, 3 * q - 2, year, 3 * q);
  }
  if (/首季/.test(p)) return range(year, 1, year, 3);
  if (/年底|年末|年终/.test(p)) return range(year, 12, year, 12);
  if (/年初/.test(p) && !sinceNow) return range(year, 1, year, 1);
  const month = MONTH.exec(p);
  if (month) {
    const m = num(month[1]!);
    if (m && m <= 12) {
      if (/截至|截止|底|末/.test(p)) return range(year, m, year, m);
      return sinceNow ? range(year, m, year, Math.max(m, end)) : range(year, m, year, m);
    }
  }
  return range(year, 1, year, end);
}
