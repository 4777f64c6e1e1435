/**
 * The years an article states, in order, so a figure whose period leaves the year implicit
 * (1—9月, 今年, 3月25日) can take it from what was said before; then `when` for each figure.
 */
import { fold } from '../normalize/fold.js';
import type { Metric, When } from '../types.js';
import { publishedYear, resolveWhen } from './when.js';
import { gregorian, isBase, isCompletionDate, rocYears, usesRocYears } from './year-words.js';

const YEAR = /((?:19|20)\d{2})(?:年|\s*[—–\-~至到]\s*((?:19|20)\d{2})年?)/g;
/** A year that is a comparison base (较2022年) or a target (到2025年, 预计2025年) says nothing of the present. */
const NOT_PRESENT = /(?:较|比|与|同|预计|力争|计划|争取|目标|将于|将在|冲刺|迎接|展望|(?<![增提升扩降减达跃])(?:到|至))$/;
const CHANGES = new Set(['growth_rate', 'growth_multiple', 'percentage_point']);
/** 从2013年的A增至2023年的B，增长3.4倍: the change spans the two years. */
const FROM_TO = /(?:从|由)[^。；]*?((?:19|20)\d{2})年[^。；]*?(?:增至|增长至|增长到|增加到|增加至|提高到|提高至|提升到|提升至|扩大到|扩大至|跃升至|达到|到|至)[^。；]*?((?:19|20)\d{2})年/;
const CURRENT = /今年|本年|去年|上年|前年|明年|这一年|当年|过去(?:的)?一年/;
/** 这一年, 当年: the year being told of, not the year of publication. */
const THAT_YEAR = /^(?:这一年来?|当年)$/;
/** Months and quarters summed up, which a report cannot give before they are over (1—11月, 前三季度); a single month may be an event to come. */
const MONTHS_OR_QUARTERS = /\d{1,2}\s*[—–\-~至到]\s*\d{1,2}月|前.{1,2}个月|前[一二三]季度|上半年|截至.*月底/;
/** A target or forecast may be for months still to come. */
const TARGET = /力争|预计|计划|目标|争取|将/;

/** A year named by reference to the one just told. */
const THAT = /那一年|这一年|当年/g;
/** Years named relative to publication: 今年 is its year, 去年 and 过去一年 the one before. */
const RELATIVE = /今年|本年|去年|上年|过去(?:的)?一年/g;

/**
 * The year 今年 means: the year of publication, except in a review of last year published in its
 * first two months whose headline states that year (2023年…回顾, out on 2024-01-05).
 */
function presentYear(text: string, published: string | null): number | null {
  const pubYear = publishedYear(published);
  if (pubYear === null) return null;
  const nl = text.indexOf('\n');
  const headline = text.slice(0, nl < 0 ? Math.min(text.length, 60) : Math.min(nl, 60));
  const stated = [...headline.matchAll(/((?:19|20)\d{2})年/g)].map((m) => Number(m[1]));
  const month = Number(published!.slice(5, 7));
  return stated.length === 1 && stated[0] === pubYear - 1 && month <= 2 ? pubYear - 1 : pubYear;
}

export class YearIndex {
  readonly years: Array<{ at: number; year: number; to: number | null }> = [];
  /** The year 今年 means (see presentYear), or null with no publication date. */
  readonly present: number | null;

  constructor(text: string, published: string | null = null) {
    const pubYear = presentYear(text, published);
    this.present = pubYear;
    if (pubYear !== null) {
      RELATIVE.lastIndex = 0;
      for (let m = RELATIVE.exec(text); m; m = RELATIVE.exec(text)) {
        if (NOT_PRESENT.test(text.slice(Math.max(0, m.index - 4), m.index)) || text.startsWith('同期', m.index + m[0].length)) continue;
        this.years.push({ at: m.index, year: /今年|本年/.test(m[0]) ? pubYear : pubYear - 1, to: null });
      }
    }
    // a comparison base (是2021年的2.8倍) or a completion date (2027年建成) is not the year in force
    const told = (at: number, end: number) => !NOT_PRESENT.test(text.slice(Math.max(0, at - 4), at)) && !isBase(text, at, end) && !isCompletionDate(text, end);
    YEAR.lastIndex = 0;
    for (let m = YEAR.exec(text); m; m = YEAR.exec(text)) {
      if (told(m.index, m.index + m[0].length)) this.years.push({ at: m.index, year: Number(m[1]), to: m[2] ? Number(m[2]) : null });
    }
    if (usesRocYears(text)) for (const y of rocYears(text)) if (told(y.at, y.end)) this.years.push({ at: y.at, year: y.year, to: null });
    // 那一年, 当年: the year just told, wherever it was told
    THAT.lastIndex = 0;
    const stated = [...this.years].sort((a, b) => a.at - b.at);
    for (let m = THAT.exec(text), i = 0; m; m = THAT.exec(text)) {
      while (i < stated.length && stated[i]!.at < m.index) i++;
      const last = stated[i - 1];
      if (last) this.years.push({ at: m.index, year: last.to ?? last.year, to: null });
    }
    this.years.sort((a, b) => a.at - b.at);
  }

  /**
   * The last year stated before `pos` (the end of a span), the greatest such year, the last span,
   * and the last year stated between `from` and `pos` (in the figure's paragraph).
   */
  before(pos: number, from = pos): { last: number | null; max: number | null; span: [number, number] | null; near: number | null } {
    let last: number | null = null;
    let max: number | null = null;
    let span: [number, number] | null = null;
    let near: number | null = null;
    for (const y of this.years) {
      if (y.at >= pos) break;
      const year = y.to ?? y.year;
      last = year;
      max = max === null ? year : Math.max(max, year);
      if (y.to !== null) span = [y.year, y.to];
      if (y.at >= from) near = year;
    }
    return { last, max, span, near };
  }
}

const range = (a: number, b: number): When => ({ from: `${a}-01`, to: `${b}-12` });

const YEAR_WRITTEN = /\d{4}/;
/** 同期: the same period as the figure before. */
const SAME_PERIOD = /^(?:同期|同一时期)$/;

/**
 * The year a period that states none is in: for 今年, 去年 the publication year, else the latest
 * year the article has spoken of; for 1—9月, 3月25日 a year stated earlier in the paragraph, else
 * the last one stated in the article when it is recent (the year of publication or the one before:
 * a history year, 2019年升格为国家高新区, does not govern what follows), else the publication year.
 */
function yearInForce(period: string, before: ReturnType<YearIndex['before']>, published: string | null, present: number | null): number | null {
  if (CURRENT.test(period) && !THAT_YEAR.test(period)) return present ?? before.max;
  const pubYear = publishedYear(published);
  if (THAT_YEAR.test(period)) return before.last ?? pubYear;
  if (CURRENT.test(period)) return pubYear ?? before.max;
  if (before.near !== null) return before.near;
  if (pubYear === null) return before.last;
  return before.last !== null && before.last >= pubYear - 1 && before.last <= pubYear ? before.last : pubYear;
}

export function whenFor(m: Metric, folded: string, years: YearIndex, published: string | null, previous: When | null = null, paragraphStart = m.sentenceSpan[0]): When | null {
  const start = m.span[0];
  if (CHANGES.has(m.metric)) {
    const fromTo = FROM_TO.exec(folded.slice(m.sentenceSpan[0], start));
    if (fromTo && Number(fromTo[1]) < Number(fromTo[2])) return range(Number(fromTo[1]), Number(fromTo[2]));
  }
  if (m.period === null) return null;
  const period = gregorian(fold(m.period).text);
  if (SAME_PERIOD.test(period)) return previous;
  const before = years.before(start, paragraphStart);
  const yearBefore = yearInForce(period, before, published, years.present);
  let when = resolveWhen(period, { yearBefore, spanBefore: before.span, published });
  // 1—11月 in a report published in January: months not yet over are last year's
  const notOver = when && published && when.to > published.slice(0, 7) && Number(when.to.slice(0, 4)) === publishedYear(published);
  if (notOver && MONTHS_OR_QUARTERS.test(period) && !YEAR_WRITTEN.test(period) && !CURRENT.test(period) && !TARGET.test(folded.slice(m.sentenceSpan[0], start))) {
    when = resolveWhen(period, { yearBefore: publishedYear(published)! - 1, spanBefore: before.span, published });
  }
  // 十年间…从A增至B: over a span of years, A is its first year and B its last
  if (when && when.from.slice(0, 4) !== when.to.slice(0, 4) && !CHANGES.has(m.metric)) {
    const lead = folded.slice(Math.max(m.sentenceSpan[0], start - 8), start);
    if (/(?:从|由)$/.test(lead)) return { from: when.from, to: `${when.from.slice(0, 4)}-12` };
    if (/(?:增至|增长至|增长到|增加到|增加至|提高到|提高至|提升到|提升至|扩大到|扩大至|跃升至|达到|上升至|上升到)$/.test(lead) && /从|由/.test(folded.slice(m.sentenceSpan[0], start))) {
      return { from: `${when.to.slice(0, 4)}-01`, to: when.to };
    }
  }
  return when;
}
