/**
 * The local currency of a report, for a bare 元: CNY by default, TWD for reports about Taiwan,
 * HKD for reports about Hong Kong that count in 港元. Read from folded (simplified) text, and
 * only when a bare 元 needs it. Markers are counted with native substring search: one
 * alternation regex over the whole text costs more than all of them together.
 */
const TWD = ['台币'];
const TAIWAN = ['台湾', '台北', '新北市', '桃园市', '台中市', '台南', '高雄', '新竹', '嘉义', '彰化', '行政院', '立法院', '国科会', '竹科'];
const HKD = ['港元', '港币'];
const HONG_KONG = ['香港', '特区政府', '港府', '港深', '九龙', '新界'];
const MAINLAND = ['人民币', '省委', '市委', '区委', '党工委', '管委会', '高新区', '经开区', '开发区', '自治区', '国务院', '发改委', '人民政府'];

/** Occurrences of the words, counted up to `cap`. */
function count(text: string, words: readonly string[], cap = 50): number {
  let n = 0;
  for (const w of words) {
    for (let i = text.indexOf(w); i >= 0 && n < cap; i = text.indexOf(w, i + w.length)) n++;
  }
  return n;
}

export function localCurrency(text: string): string {
  if (count(text, TWD, 1) > 0) return 'TWD';
  const tw = count(text, TAIWAN);
  const hk = tw >= 2 ? 0 : count(text, HONG_KONG);
  if (tw < 2 && hk < 2) return 'CNY';
  const mainland = count(text, MAINLAND);
  if (tw >= 2 && tw > 2 * mainland) return 'TWD';
  if (hk >= 2 && hk > 2 * mainland && count(text, HKD, 1) > 0) return 'HKD';
  return 'CNY';
}
