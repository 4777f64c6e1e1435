/**
 * The period a figure refers to: 2023年, 2023年1—9月, 前三季度, 今年以来, stated in its sentence
 * or, failing that, earlier in its paragraph.
 */
const PERIOD =
  /(?:\d{4}年度?)?(?:\d{1,2}[—–\-~至到]\d{1,2}月份?|前[一二三]季度|第?[一二三四]季度|[上下]半年|全年|年初|年底|年末|\d{1,2}月份?(?:\d{1,2}日)?(?:以来)?)|\d{4}年度?(?:以来)?|今年以来|今年|去年|上年|近年来|截至目前|[一二三四五六七八九十]+年来|\d{4}[—–\-]\d{4}年?/y;

/** The characters a period can start with: 2023年, 前三季度, 第一季度, 上半年, 今年, 去年, 近年来, 截至, 十年来. */
const START = new Uint8Array(0x10000);
for (const ch of '0123456789前第一二三四五六七八九十上下全年今去近截') START[ch.charCodeAt(0)] = 1;

/**
 * Period mentions of one text, found paragraph by paragraph on first need, so that a document
 * with many figures is scanned once, not once per figure.
 */
export class PeriodIndex {
  private readonly byParagraph = new Map<number, Array<[number, number]>>();

  constructor(private readonly text: string) {}

  private mentions(paragraph: [number, number]): Array<[number, number]> {
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
          found.push([i, i + m[0].length]);
          i += m[0].length - 1;
        }
      }
      this.byParagraph.set(paragraph[0], found);
    }
    return found;
  }

  /** `[start, end)` of the period for a figure at `pos`: the last one before it in its sentence, else in its paragraph. */
  periodFor(pos: number, sentence: [number, number], paragraph: [number, number]): [number, number] | null {
    let last: [number, number] | null = null;
    for (const m of this.mentions(paragraph)) {
      if (m[1] > pos) break;
      if (m[0] >= sentence[0] || m[1] <= sentence[0]) last = m;
    }
    return last;
  }
}
