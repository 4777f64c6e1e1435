/**
 * The local currency of a report, for a bare 元: CNY by default, TWD for reports about Taiwan,
 * HKD for reports about Hong Kong that count in 港元. Read from folded (simplified) text.
 */
const TAIWAN =
  /台湾|台北|新北市|桃园市|台中市|台南|高雄|新竹|基隆|嘉义|屏东县|宜兰县|花莲|台东县|彰化|云林|苗栗|南投县|行政院|立法院|国科会|竹科|县政府/g;
const HONG_KONG = /香港|特区政府|港府|立法会|港深|九龙|新界/g;
const MAINLAND = /人民币|省委|市委|区委|党工委|管委会|高新区|经开区|开发区|自治区|国务院|发改委|人民政府/g;

function count(re: RegExp, text: string): number {
  return text.match(re)?.length ?? 0;
}

export function localCurrency(text: string): string {
  if (/新台币|台币/.test(text)) return 'TWD';
  const mainland = count(MAINLAND, text);
  const tw = count(TAIWAN, text);
  if (tw >= 2 && tw > 2 * mainland) return 'TWD';
  const hk = count(HONG_KONG, text);
  if (hk >= 2 && hk > 2 * mainland && /港元|港币/.test(text)) return 'HKD';
  return 'CNY';
}
