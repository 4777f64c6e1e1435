/**
 * What a figure measures: the words before it in its clause, less the verbs and qualifiers
 * that join them (固定资产投资同比增长20.1% → 固定资产投资), less a leading period or subject
 * (2023年前三季度，全区… → the period is reported on its own).
 */
const TRAILING =
  /(?:同比|环比|比上年|比去年同期|比去年|较上年|较去年同期|较去年|比|较)?(?:分别|均|共|累计|合计|总计|共计|已)?(?:增长|增加|下降|降低|减少|提高|提升|上升|回落|增至|增长至|提高至|提升至|扩大至|降至|达到|达|为|是|完成|实现|有|占|由|从|到|至|超过|超|逾|突破|约|近|不低于|不少于|至少|高达|多达|了|的|：|:|\s)$/;

const LEADING =
  /^(?:其中|全年|同时|此外|另外|目前|截至目前|截至|今年以来|今年|去年|近年来|[\d]{4}年度?(?:[\d]{1,2}[—–\-~至到][\d]{1,2}月份?|前三季度|上半年|下半年|全年)?|前三季度|上半年|[\d]{1,2}[—–\-~至到][\d]{1,2}月份?|，|,|\s)+/;

/** Comparison words: 高于全市5.3个百分点 measures the same thing as the figure before it. */
export const COMPARISON = /^(?:高于|低于|快于|慢于|超出|领先|比|较)/;

/** `[start, end)` of the label inside `[from, to)` of the folded text, or null when nothing is left. */
export function labelSpan(text: string, from: number, to: number): [number, number] | null {
  let end = to;
  for (let guard = 0; guard < 12; guard++) {
    const m = TRAILING.exec(text.slice(from, end));
    if (!m || m[0].length === 0) break;
    end -= m[0].length;
  }
  const lead = LEADING.exec(text.slice(from, end));
  const start = from + (lead ? lead[0].length : 0);
  if (end - start < 2) return null;
  return [start, end];
}
