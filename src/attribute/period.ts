/**
 * The period a figure refers to: 2023年, 2023年1—9月, 前三季度, 今年以来, stated in its sentence
 * or, failing that, earlier in its paragraph.
 */
const PERIOD =
  /(?:\d{4}年度?)?(?:\d{1,2}[—–\-~至到]\d{1,2}月份?|前[一二三]季度|第?[一二三四]季度|[上下]半年|全年|年初|年底|年末|\d{1,2}月份?(?:\d{1,2}日)?(?:以来)?)|\d{4}年度?(?:以来)?|今年以来|今年|去年|上年|近年来|截至目前|[一二三四五六七八九十]+年来|\d{4}[—–\-]\d{4}年?/g;

function lastMatch(text: string, from: number, to: number): [number, number] | null {
  PERIOD.lastIndex = from;
  let last: [number, number] | null = null;
  for (let m = PERIOD.exec(text); m && m.index < to; m = PERIOD.exec(text)) {
    if (m.index + m[0].length <= to) last = [m.index, m.index + m[0].length];
  }
  return last;
}

/** `[start, end)` of the period for a figure at `pos`, or null. */
export function periodSpan(
  text: string,
  pos: number,
  sentence: [number, number],
  paragraph: [number, number],
): [number, number] | null {
  return lastMatch(text, sentence[0], pos) ?? lastMatch(text, paragraph[0], sentence[0]);
}
