/**
 * Named pieces of the number grammar, for folded text (simplified script, ASCII digits).
 * Each piece has an example beside it.
 */

/** 零〇○一二两三…九 and their financial forms 壹贰叁…: the value of one digit. */
export const CN_DIGIT: Readonly<Record<string, number>> = {
  零: 0, '〇': 0, '○': 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
  壹: 1, 贰: 2, 叁: 3, 肆: 4, 伍: 5, 陆: 6, 柒: 7, 捌: 8, 玖: 9,
};

/** 十 百 千 (拾 佰 仟): positional units inside a section, as in 一百二十六. */
export const CN_UNIT: Readonly<Record<string, number>> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };

/** 万 亿 兆: section magnitudes; 兆 is 1e12 as used in Taiwan and Hong Kong reports (2兆3,248亿元). */
export const MAGNITUDE: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1e3, 万: 1e4, 亿: 1e8, 兆: 1e12 };

/** Characters that may appear in a run of Chinese numerals (一百二十六, 五六○, 三点五). */
export const CN_NUMERAL_CHARS = '零〇○一二两三四五六七八九十百千万亿兆壹贰叁肆伍陆柒捌玖拾佰仟';

/** 壹贰叁…拾佰仟: the financial forms, numbers only where an amount is written (not 陆家嘴). */
export const FINANCIAL_NUMERALS = '壹贰叁肆伍陆柒捌玖拾佰仟';

/** 百分之十五, 千分之五 (0.5%), 万分之三 (0.03%): the percent that one part is worth. */
export const PERCENT_FRACTIONS: ReadonlyArray<readonly [string, number]> = [['百', 1], ['千', 0.1], ['万', 0.01]];

/** 20余家, 300多项, 十来个: a qualifier between the number and its unit ("more than"). */
export const INNER_OVER = '余多来';

/** 二十几万人, 3000多万元: a qualifier between the number and its magnitude (十几个 alone is vague). */
export const OVER_BEFORE_MAGNITUDE = '余多来几';

/**
 * Currencies, longest first so that 美元 wins over 元. `local` is 元, whose currency depends on
 * where the report is from (CNY by default, TWD for Taiwan).
 */
export const CURRENCIES: ReadonlyArray<readonly [string, string]> = [
  ['元人民币', 'CNY'], ['元新台币', 'TWD'], ['人民币', 'CNY'], ['新台币', 'TWD'], ['台币', 'TWD'],
  ['美元', 'USD'], ['美金', 'USD'], ['港元', 'HKD'], ['港币', 'HKD'], ['欧元', 'EUR'], ['日元', 'JPY'],
  ['日圆', 'JPY'], ['日币', 'JPY'], ['英镑', 'GBP'], ['韩元', 'KRW'], ['韩币', 'KRW'], ['澳元', 'AUD'], ['澳币', 'AUD'],
  ['泰铢', 'THB'], ['卢布', 'RUB'], ['瑞士法郎', 'CHF'], ['新加坡元', 'SGD'], ['新加坡币', 'SGD'], ['新币', 'SGD'],
  ['加元', 'CAD'], ['加币', 'CAD'], ['澳门元', 'MOP'], ['澳门币', 'MOP'], ['元', 'local'],
];

/**
 * Currencies written before the number: 人民币3亿元, 美元5000万, US$300万, HK$1,200万, NT$50亿, ￥500万.
 * Symbols first where one ends another ($ ends US$).
 */
export const CURRENCIES_BEFORE: ReadonlyArray<readonly [string, string]> = [
  ...CURRENCIES.filter(([w, code]) => code !== 'local' && !w.startsWith('元')),
  ['US$', 'USD'], ['HK$', 'HKD'], ['NT$', 'TWD'], ['S$', 'SGD'], ['A$', 'AUD'], ['C$', 'CAD'], ['MOP$', 'MOP'],
  ['$', 'USD'], ['￥', 'CNY'], ['¥', 'CNY'],
];

/** 20平方公里, 8.6万平方米, 49亩, 283.2公顷, 13.5万平方公尺 (Taiwan): square metres per unit. */
export const AREA_UNITS: ReadonlyArray<readonly [string, number]> = [
  ['平方公里', 1e6], ['平方千米', 1e6], ['平方公尺', 1], ['平方米', 1], ['平米', 1], ['㎡', 1],
  ['公顷', 1e4], ['市亩', 10000 / 15], ['亩', 10000 / 15], ['km²', 1e6], ['m²', 1],
  // Hong Kong and elsewhere: square feet, acres, ares
  ['平方呎', 0.09290304], ['平方英尺', 0.09290304], ['平方英呎', 0.09290304], ['英亩', 4046.8564224], ['公亩', 100],
  // Taiwan: 1 坪 is 400/121 m² (3.3058), for floor space (廠房1萬2千坪)
  ['坪', 400 / 121],
];

/** 坪 starting a place name after a number is not the unit: 坪山, 坪地, 坪洲. */
export const NOT_AFTER_PING = /^[山地坝洲石塘头]/;

/** Classifiers that count things (71个, 20家, 1287人, 283套); two-character ones first. */
export const CLASSIFIERS = [
  '件次', '人次', '台套', '个', '家', '项', '人', '名', '位', '套', '栋', '幢', '座', '台', '批', '次',
  '辆', '条', '户', '架', '片', '处', '件', '所', '只', '间', '张', '款', '场', '宗', '块', '株',
  '棵', '头', '篇', '部', '支', '种', '类', '例', '颗', '艘', '列', '层', '根', '枚', '幅', '份', '组', '道', '亩',
] as const;

/** A classifier followed by one of these is a duration, not a count: 3个月, 五个工作日. */
export const TIME_AFTER_CLASSIFIER = ['月', '小时', '工作日', '季度', '星期', '钟头', '多月', '年'];

/** Clause boundaries for labels, nouns and qualifiers. */
export const CLAUSE_BREAK = /[，,；;。！？!?：:\n\r()（）【】《》]/;

/** Between the ends of a range: 10—20亿元, 3至5家, 15%~20%. */
export const RANGE_CONNECTORS = '至到—–-~～－';

/** Between the items of a list that share a unit: 0.74和19.33个百分点, 3、5家. */
export const LIST_CONNECTORS = '和、与及或';

/** Words of a rise before a rate: 增长9.4%, 提高2倍. */
export const RISE_WORDS = ['增长', '成长', '增加', '增幅', '增速', '上升', '提高', '提升', '上涨', '回升', '增'];

/** Words of a fall, which make a growth rate negative: 下降3.2%, 降低了10%, 负增长2.1%. */
export const FALL_WORDS = ['负增长', '下降', '降低', '减少', '回落', '下滑', '下跌', '缩减', '衰退', '减', '降'];

/**
 * Idioms and set phrases written with numerals: never a count, an amount or a range
 * (三番五次, 四面八方, 千家万户, 一而再再而三). Simplified script; traditional text is folded first.
 */
export const NUMERAL_IDIOMS: readonly string[] = [
  '三番五次', '三番两次', '一五一十', '三三两两', '四面八方', '五花八门', '七上八下', '九牛一毛',
  '千方百计', '千家万户', '万无一失', '一而再再而三', '一而再', '再而三', '接二连三', '三令五申',
  '三五成群', '三天两头', '三言两语', '三心二意', '一心一意', '四通八达', '五湖四海', '七嘴八舌',
  '乱七八糟', '五颜六色', '一清二楚', '一干二净', '独一无二', '举一反三', '一举两得', '两全其美',
  '十全十美', '十拿九稳', '百里挑一', '千军万马', '千变万化', '千姿百态', '万紫千红', '万众一心',
  '成千上万', '成百上千', '千千万万', '千丝万缕', '千头万绪', '一日千里', '一本万利', '一劳永逸',
  '九死一生', '百花齐放', '百尺竿头', '百战百胜', '八仙过海', '一针一线', '一砖一瓦', '一草一木',
  '一点一滴', '一朝一夕', '一年四季', '一马当先', '一鼓作气', '说一不二', '三百六十行', '七七八八',
  '四平八稳', '六神无主', '一波三折', '半斤八两', '丢三落四', '颠三倒四', '横七竖八', '万家灯火',
  '千里之行', '百家争鸣', '一分为二', '一石二鸟', '一箭双雕', '数一数二', '一五一十地',
];
