import { paragraphAt } from '../text/clause.js';
import { isBase, isCompletionDate, isMultipleBase, usesRocYears, yearAtom } from './year-words.js';

/**
 * The period a figure refers to: 2023年, 2023年1—9月, 前三季度, 今年以来, stated in its sentence
 * or, failing that, earlier in its paragraph. A comparison base (较上年, 比2022年, 较去年同期) is
 * never the period: it is reported as the figure's `base`.
 */
/** The period pattern, with a year written as `year` (four digits, or also ROC years in a Taiwan report). */
function periodPattern(year: string): RegExp {
  return new RegExp(String.raw`(?:从|自|截至|截止)?(?:(?:Y年|今年)刚?开年|(?:今年|去年|Y年)?前(?:\d{1,2}|[一二三四五六七八九十]{1,2})个月|(?:Y年|今年|去年|上年)(?:底|末|初)|\d{4}\/\d{2}年度|(?:Y年?[—–\-~至到]Y年(?:以来)?)|(?:Y年度?|今年|去年|上年|本年)?(?:\d{1,2}[—–\-~至到]\d{1,2}月份?|前[一二三]季度?|第?[一二三四]季度|第[一二三四]季|首季度?|[上下]半年|全年|年初|年底|年末|同期|\d{1,2}月份?(?:\d{1,2}日)?(?:以来)?)|Y年度?(?:以来)?|今年以来|今年|去年|上年|前年|近年来|截至目前|近[一二三四五两\d]年来?|过去(?:的)?一年|未来(?:\d{1,2}|[一二三四五六七八九十两]{1,2})年内?|年内|[一二三四五六七八九十]+年来|(?:19|20)\d{2}[—–\-](?:19|20)\d{2}(?!\d)年?|[两二三四五六七八九十]+年(?:间|里)?(?!行动|计划|规划|攻坚|倍增|方案|目标|任务|振兴|发展规划)|这一?年来?|截至目前|目前|当前|(?:全部|全面)?(?:建成投产|建成|投产|投用|达产)[之以]?后)`.replace(/Y/g, year), 'y');
}
const PERIOD = periodPattern(yearAtom(false));
const PERIOD_ROC = periodPattern(yearAtom(true));

/** The characters a period can start with: 2023年, 前三季度, 第一季度, 上半年, 今年, 去年, 近年来, 截至, 十年来. */
const START = new Uint8Array(0x10000);
for (const ch of '0123456789民明前第一二三四五六七八九十上下全年今去近截首本从自这目当建投达同过未') START[ch.charCodeAt(0)] = 1;


/** A paragraph that opens by referring to an event or batch told before. */
const REFERS_BACK = /此次|本次|当天|当日|同日|同一天|次日|随后|此后|其后|上述|这些项目|签约项目|该批|会上|仪式上|活动现场|(?:\d{1,2}|[一二三四五六七八九十两])天(?:之|以)?后/;
/** A sentence that opens by referring to the event just told (仅仅3天之后, 随后, 当天): it takes that event's period. */
const REFERS_BACK_OPENING = /^[^，,。；;]{0,4}(?:此次|本次|当天|当日|同日|同一天|次日|随后|此后|其后|会上|仪式上|活动现场|(?:\d{1,2}|[一二三四五六七八九十两])天(?:之|以)?后)/;

/** A sentence that plans (规划新增, 计划面积, 拟建; not 计划总投资, a measure): its figures are not of a period told before. */
const PLAN = /规划(?!面积|用地|总面积)|计[划画](?:面积|用地)|开发计[划画]|拟(?:建|投|新|引|用)/;
/** What follows the date of an event in a zone's history: 2015年升级为…, 2010年获批. */
const EVENT_AFTER = /^[，,]?(?:升级|升格|成立|设立|开园|挂牌|获批(?:设立|成为|为)|被(?:认定|批准)为|经国务院批准)/;
/** Words for the present state, which hold for a figure told just before them. */
const STATE = /^(?:目前|当前|截至目前)$/;
/** A headline period that can carry: one naming a year. */
const HEADLINE_PERIOD = /\d年|今年|去年|上年|本年/;
/** The longest first line read as a headline. */
const HEADLINE_MAX = 64;

const SENTENCE_END = '。！？!?；;\n\r';

export interface PeriodMention {
  span: [number, number];
  /** A comparison base (较上年), not a period. */
  base: boolean;
  /** The base of a multiple (2021年的2.8倍): no figure holds in it. */
  multiple?: boolean;
}

/**
 * Period mentions of one text, found paragraph by paragraph on first need, so that a document
 * with many figures is scanned once, not once per figure.
 */
export class PeriodIndex {
  private readonly byParagraph = new Map<number, PeriodMention[]>();
  private readonly pattern: RegExp;

  constructor(private readonly text: string) {
    this.pattern = usesRocYears(text) ? PERIOD_ROC : PERIOD;
  }

  mentions(paragraph: [number, number]): PeriodMention[] {
    let found = this.byParagraph.get(paragraph[0]);
    if (!found) {
      found = [];
      const text = this.text;
      // The pattern is tried only where a period can start, not at every character.
      for (let i = paragraph[0]; i < paragraph[1]; i++) {
        if (START[text.charCodeAt(i)] !== 1) continue;
        const pattern = this.pattern;
        pattern.lastIndex = i;
        const m = pattern.exec(text);
        if (m && m.index + m[0].length <= paragraph[1]) {
          const end = i + m[0].length;
          i = end - 1;
          // 预计2027年建成: when a project will be done, not when its figures hold
          if (/年$/.test(m[0]) && isCompletionDate(text, end)) continue;
          // 增长2.1倍 or 12.5年 are no periods; a bare number must be a 4-digit year
          const base = isBase(text, end - m[0].length, end) || (m[0].endsWith('同期') && m[0] !== '同期');
          found.push({ span: [end - m[0].length, end], base, multiple: base && isMultipleBase(text, end) });
        }
      }
      this.byParagraph.set(paragraph[0], found);
    }
    return found;
  }

  /**
   * `[start, end)` of the period for a figure at `pos`: the last one before it in its sentence,
   * else in its paragraph; a paragraph that refers back (此次, 本次, 签约项目中) takes the period of
   * the paragraph just before.
   */
  periodFor(pos: number, sentence: [number, number], paragraph: [number, number]): [number, number] | null {
    const own = this.inParagraph(pos, sentence, paragraph);
    if (own) return own;
    if (REFERS_BACK.test(this.text.slice(paragraph[0], paragraph[0] + 12))) {
      // the paragraph just before, past blank lines: no further, or an unrelated period would carry
      let end = paragraph[0];
      while (end > 0 && /\s/.test(this.text[end - 1]!)) end--;
      if (end === 0) return null;
      const previous = paragraphAt(this.text, end - 1);
      return this.inParagraph(previous[1], [previous[1], previous[1]], previous);
    }
    // 规划新增12.5公顷: a plan holds in no period told before it
    if (PLAN.test(this.text.slice(sentence[0], pos))) return null;
    return this.anyBefore(pos, paragraph) ?? this.stateAfter(pos, sentence, paragraph) ?? this.headline(paragraph);
  }

  /** The last period stated before `pos` in its paragraph, wherever it stands (…113年全年营业额…；其中…约七成). */
  private anyBefore(pos: number, paragraph: [number, number]): [number, number] | null {
    let last: [number, number] | null = null;
    for (const m of this.mentions(paragraph)) {
      if (m.span[1] > pos) break;
      if (!m.base && !this.isEventDate(m.span)) last = m.span;
    }
    return last;
  }

  /** 成立于2010年, 2015年升级为国家高新区: the date of an event in the zone's history, which frames no later sentence. */
  private isEventDate(span: [number, number]): boolean {
    return /[于在]$/.test(this.text.slice(span[0] - 1, span[0])) || EVENT_AFTER.test(this.text.slice(span[1], span[1] + 4));
  }

  /** 总面积98公顷，目前已无闲置土地: a state word later in the figure's sentence says when it holds. */
  private stateAfter(pos: number, sentence: [number, number], paragraph: [number, number]): [number, number] | null {
    const m = this.mentions(paragraph).find((x) => x.span[0] >= pos && x.span[0] < sentence[1]);
    return m && STATE.test(this.text.slice(m.span[0], m.span[1])) ? m.span : null;
  }

  /** The period of the article's headline (its first line, when short): a report's figures hold in it unless told otherwise. */
  private headline(paragraph: [number, number]): [number, number] | null {
    // the same for every figure of the text: found once
    if (this.headlineFound === undefined) {
      let i = 0;
      while (i < this.text.length && /\s/.test(this.text[i]!)) i++;
      const first = paragraphAt(this.text, i);
      // a year it states or implies (2025年, 113年, 去年), not a vague span (三年, 近年来)
      const span = first[1] - first[0] > HEADLINE_MAX ? null : (this.mentions(first).find((m) => !m.base && HEADLINE_PERIOD.test(this.text.slice(m.span[0], m.span[1])))?.span ?? null);
      this.headlineFound = { first, span };
    }
    return this.headlineFound.first[0] === paragraph[0] ? null : this.headlineFound.span;
  }

  private headlineFound: { first: [number, number]; span: [number, number] | null } | undefined;

  private inParagraph(pos: number, sentence: [number, number], paragraph: [number, number]): [number, number] | null {
    let last: [number, number] | null = null;
    const refersBack = REFERS_BACK_OPENING.test(this.text.slice(sentence[0], sentence[0] + 16));
    let opening: [number, number] | null = null;
    let day: [number, number] | null = null;
    const planned = PLAN.test(this.text.slice(sentence[0], pos));
    for (const m of this.mentions(paragraph)) {
      if (m.span[1] > pos) break;
      if (planned && m.span[1] <= sentence[0]) continue;
      // 相比2021年的30家: a base's own value holds in the base's period
      if (m.base && (m.multiple || !/^的?$/.test(this.text.slice(m.span[1], pos)))) continue;
      if (m.span[0] >= sentence[0]) last = m.span;
      // from an earlier sentence, only a period that opens its sentence carries: 其中，今年新增… stays in its own
      else if (m.span[1] <= sentence[0] && (this.opensSentence(m.span[0]) || this.standsAlone(m.span)) && !this.isEventDate(m.span)) last = opening = m.span;
      // …unless this sentence refers back to the event told (仅仅3天之后): its date, else any period of it
      else if (m.span[1] <= sentence[0] && refersBack && !opening) last = m.span;
      if (m.span[1] <= sentence[0] && /日/.test(this.text.slice(m.span[0], m.span[1]))) day = m.span;
    }
    // an event happens on a day: 4月2日举行一季度签约仪式 … 此后 refers to 4月2日
    return refersBack && day && last && last[0] < sentence[0] ? day : last;
  }

  /** A period that is a clause of its own (…支持力度，1—9月，组织…): it frames what follows. */
  private standsAlone(span: [number, number]): boolean {
    return /[，,]/.test(this.text[span[0] - 1] ?? '') && /[，,]/.test(this.text[span[1]] ?? '');
  }

  /** Is the period at `pos` near the start of its sentence (a dateline in brackets, 本报讯（…）, not counted)? */
  private opensSentence(pos: number): boolean {
    let depth = 0;
    for (let i = pos - 1, n = 0; i >= 0; i--) {
      const ch = this.text[i]!;
      if (SENTENCE_END.includes(ch)) return true;
      if (ch === ')' || ch === '）' || ch === '】') depth++;
      else if (ch === '(' || ch === '（' || ch === '【') depth = Math.max(0, depth - 1);
      else if (depth === 0 && ++n > 16) return false;
    }
    return true;
  }

  /** `[start, end)` of the comparison base in the clause before `pos` (from `clauseStart`), or null. */
  baseFor(pos: number, clauseStart: number, paragraph: [number, number]): [number, number] | null {
    let last: [number, number] | null = null;
    for (const m of this.mentions(paragraph)) {
      if (m.span[1] > pos) break;
      if (m.base && m.span[0] >= clauseStart) last = m.span;
    }
    return last;
  }
}
