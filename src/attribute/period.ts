import { paragraphAt } from '../text/clause.js';

/**
 * The period a figure refers to: 2023年, 2023年1—9月, 前三季度, 今年以来, stated in its sentence
 * or, failing that, earlier in its paragraph. A comparison base (较上年, 比2022年, 较去年同期) is
 * never the period: it is reported as the figure's `base`.
 */
const PERIOD =
  /(?:从|自|截至|截止)?(?:(?:\d{4}年|今年)刚?开年|(?:今年|去年|\d{4}年)?前(?:\d{1,2}|[一二三四五六七八九十]{1,2})个月|(?:\d{4}年|今年|去年|上年)(?:底|末|初)|\d{4}\/\d{2}年度|(?:\d{4}年?[—–\-~至到]\d{4}年(?:以来)?)|(?:\d{4}年度?|今年|去年|上年|本年)?(?:\d{1,2}[—–\-~至到]\d{1,2}月份?|前[一二三]季度|第?[一二三四]季度|首季度?|[上下]半年|全年|年初|年底|年末|同期|\d{1,2}月份?(?:\d{1,2}日)?(?:以来)?)|\d{4}年度?(?:以来)?|今年以来|今年|去年|上年|前年|近年来|截至目前|近[一二三四五两\d]年来?|过去(?:的)?一年|未来(?:\d{1,2}|[一二三四五六七八九十两]{1,2})年内?|年内|[一二三四五六七八九十]+年来|\d{4}[—–\-]\d{4}年?|[两二三四五六七八九十]+年(?:间|里)?|这一?年来?|截至目前|目前|当前|(?:全部|全面)?(?:建成投产|建成|投产|投用|达产)[之以]?后)/y;

/** The characters a period can start with: 2023年, 前三季度, 第一季度, 上半年, 今年, 去年, 近年来, 截至, 十年来. */
const START = new Uint8Array(0x10000);
for (const ch of '0123456789前第一二三四五六七八九十上下全年今去近截首本从自这目当建投达同过未') START[ch.charCodeAt(0)] = 1;

/** Words right before a period that make it a comparison base: 较上年, 比2022年, 与去年同期相比. */
const BASE_BEFORE = /(?:较|比|比较|相比|与|同|对比|高于|低于|超过)$/;

/** A paragraph that opens by referring to an event or batch told before. */
const REFERS_BACK = /此次|本次|当天|当日|同日|同一天|次日|随后|此后|其后|上述|这些项目|签约项目|该批|会上|仪式上|活动现场|(?:\d{1,2}|[一二三四五六七八九十两])天(?:之|以)?后/;
/** A sentence that opens by referring to the event just told (仅仅3天之后, 随后, 当天): it takes that event's period. */
const REFERS_BACK_OPENING = /^[^，,。；;]{0,4}(?:此次|本次|当天|当日|同日|同一天|次日|随后|此后|其后|会上|仪式上|活动现场|(?:\d{1,2}|[一二三四五六七八九十两])天(?:之|以)?后)/;

const SENTENCE_END = '。！？!?；;\n\r';

export interface PeriodMention {
  span: [number, number];
  /** A comparison base (较上年), not a period. */
  base: boolean;
}

/**
 * Period mentions of one text, found paragraph by paragraph on first need, so that a document
 * with many figures is scanned once, not once per figure.
 */
export class PeriodIndex {
  private readonly byParagraph = new Map<number, PeriodMention[]>();

  constructor(private readonly text: string) {}

  mentions(paragraph: [number, number]): PeriodMention[] {
    let found = this.byParagraph.get(paragraph[0]);
    if (!found) {
      found = [];
      const text = this.text;
      // The pattern is tried only where a period can start, not at every character.
      for (let i = paragraph[0]; i < paragraph[1]; i++) {
        if (START[text.charCodeAt(i)] !== 1) continue;
        PERIOD.lastIndex = i;
        const m = PERIOD.exec(text);
        if (m && m.index + m[0].length <= paragraph[1]) {
          const end = i + m[0].length;
          // 增长2.1倍 or 12.5年 are no periods; a bare number must be a 4-digit year
          const base = BASE_BEFORE.test(text.slice(Math.max(0, i - 2), i)) || (m[0].endsWith('同期') && m[0] !== '同期');
          found.push({ span: [i, end], base });
          i = end - 1;
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
    if (own || !REFERS_BACK.test(this.text.slice(paragraph[0], paragraph[0] + 12))) return own;
    // the paragraph just before, past blank lines: no further, or an unrelated period would carry
    let end = paragraph[0];
    while (end > 0 && /\s/.test(this.text[end - 1]!)) end--;
    if (end === 0) return null;
    const previous = paragraphAt(this.text, end - 1);
    return this.inParagraph(previous[1], [previous[1], previous[1]], previous);
  }

  private inParagraph(pos: number, sentence: [number, number], paragraph: [number, number]): [number, number] | null {
    let last: [number, number] | null = null;
    const refersBack = REFERS_BACK_OPENING.test(this.text.slice(sentence[0], sentence[0] + 16));
    let opening: [number, number] | null = null;
    let day: [number, number] | null = null;
    for (const m of this.mentions(paragraph)) {
      if (m.span[1] > pos) break;
      // 相比2020年的45家: a base's own value holds in the base's period
      if (m.base && !/^的?$/.test(this.text.slice(m.span[1], pos))) continue;
      if (m.span[0] >= sentence[0]) last = m.span;
      // from an earlier sentence, only a period that opens its sentence carries: 其中，今年新增… stays in its own
      else if (m.span[1] <= sentence[0] && (this.opensSentence(m.span[0]) || this.standsAlone(m.span))) last = opening = m.span;
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
