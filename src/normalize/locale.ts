/**
 * The local currency of a report, for a bare 元: CNY by default, TWD for reports from Taiwan,
 * HKD for reports from Hong Kong. Read from folded (simplified) text, and only when a bare 元 needs
 * it. Markers are counted with native substring search: one alternation regex over the whole text
 * costs more than all of them together.
 *
 * A strong marker names something only Taiwan or Hong Kong has (an ROC year such as 112年, 国科会,
 * 行政院, 港府, 立法会, a city such as 台中 or 臺南): one is enough when nothing marks the mainland.
 * Weak markers (台湾, 香港, 九龙) count only together.
 */
const TWD = ['台币'];
const TAIWAN_STRONG = [
  '行政院', '立法院', '国科会', '经济部', '金管会', '国发会', '工研院', '产业园区管理局', '科学园区管理局', '加工出口区',
  '竹科', '南科', '中科', '新北市', '桃园市', '台中市', '台南市', '高雄市', '新竹县', '新竹市', '屏东县', '宜兰县', '彰化县',
];
/** Cities, weighed like strong markers; 台中 after 平/舞/出… is 平台中, not the city. */
const TAIWAN_PLACES = ['台北', '台中', '台南', '台东', '高雄', '新竹', '嘉义', '基隆', '花莲', '屏东', '宜兰', '苗栗', '南投'];
const NOT_BEFORE_PLACE = '平舞出后前柜站阳电讲看窗月擂吧灯';
const TAIWAN = ['台湾'];
const HKD = ['港元', '港币'];
const HONG_KONG_STRONG = ['特区政府', '港府', '立法会', '创新科技署', '数码港', '香港科学园', '财政司司长', '行政长官', '港元', '港币'];
const HONG_KONG = ['香港', '港深', '九龙', '新界', '沙田', '将军澳', '元朗', '葵涌', '大埔'];
const MAINLAND = ['人民币', '省委', '市委', '区委', '党工委', '管委会', '高新区', '经开区', '开发区', '自治区', '国务院', '发改委', '人民政府'];

/** Occurrences of the words, counted up to `cap`. */
function count(text: string, words: readonly string[], cap = 50): number {
  let n = 0;
  for (const w of words) {
    for (let i = text.indexOf(w); i >= 0 && n < cap; i = text.indexOf(w, i + w.length)) n++;
  }
  return n;
}

/** Like count, skipping a place name that is the end of another word (平台中). */
function countPlaces(text: string, words: readonly string[], cap = 50): number {
  let n = 0;
  for (const w of words) {
    for (let i = text.indexOf(w); i >= 0 && n < cap; i = text.indexOf(w, i + w.length)) {
      if (i === 0 || !NOT_BEFORE_PLACE.includes(text[i - 1]!)) n++;
    }
  }
  return n;
}

/**
 * 112年, 民国112年, 113年度: years of the Republic of China calendar (90 to 130, but not 100, which
 * is mostly a centenary), written in
 * two or three digits not preceded by another digit. Found through the native search for 年.
 */
function rocYears(text: string, cap = 5): number {
  let n = 0;
  for (let i = text.indexOf('年'); i >= 0 && n < cap; i = text.indexOf('年', i + 1)) {
    let j = i;
    while (j > 0 && j > i - 4 && text.charCodeAt(j - 1) >= 48 && text.charCodeAt(j - 1) <= 57) j--;
    const digits = i - j;
    if (digits < 2 || digits > 3 || (j > 0 && /[0-9.]/.test(text[j - 1]!))) continue;
    const year = Number(text.slice(j, i));
    // 112年: a year of the ROC calendar, not a duration (经营了112年, 112年来, 112年历史)
    if (year >= 90 && year <= 130 && year !== 100 && !/^(?:来|历史|以来|间|前|后)/.test(text.slice(i + 1, i + 3)) && !/[了有近约逾超]$/.test(text.slice(j - 1, j))) n++;
  }
  return n;
}

export function localCurrency(text: string): string {
  if (count(text, TWD, 1) > 0) return 'TWD';
  const mainland = count(text, MAINLAND);
  const twStrong = count(text, TAIWAN_STRONG) + countPlaces(text, TAIWAN_PLACES) + rocYears(text);
  const tw = 2 * twStrong + count(text, TAIWAN);
  const hkStrong = count(text, HONG_KONG_STRONG);
  const hk = 2 * hkStrong + count(text, HONG_KONG);
  if (tw >= hk && tw >= 2 && tw > 2 * mainland) return 'TWD';
  if (hk > tw && hk >= 2 && hk > 2 * mainland && (hkStrong > 0 || count(text, HKD, 1) > 0)) return 'HKD';
  return 'CNY';
}
