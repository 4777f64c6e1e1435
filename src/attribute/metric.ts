/**
 * Which metric a money or percent figure is, from the words that lead up to it.
 */
import { FALL_WORDS, RISE_WORDS } from '../extract/lexicon.js';
import { alternation } from '../extract/rule.js';
import type { MetricName } from '../types.js';

const INVESTMENT = /投资|投入|耗资|外资|内资|引资|签约|总投|到位资金|到账资金|到资|实际到位/;

/** 带动120亿元社会投资: the investment cue written after the figure. */
const INVESTMENT_AFTER = /^(?:的)?(?:社会|民间|产业|配套|固定资产|项目)?(?:投资|投入)/;

/**
 * 占GDP比重55%, 贡献率达60%, 拉动增长2.1%: a share of a whole or of growth, not a rate of change,
 * even when 增长 comes earlier (对经济增长的贡献率).
 */
const SHARE_CUE = /比重|占比|贡献率|贡献度|拉动|占(?!地|用|领)/;

/** 增长9.4%, 同比下降3.2%, 降低了10%: a rate of change right before the percent. */
const CHANGE = new RegExp(`(?<verb>${alternation([...RISE_WORDS, ...FALL_WORDS])})(?:了|为|达到|达)?(?:约|近|超过|超|逾)?$`);
const FALLS = new Set(FALL_WORDS);

/** Otherwise (增至90%, 达到54.2%, 占…的16%) a level: a rate only when its label says so (增速达到21.4%). */
const RATE_LABEL = /增速|增幅|增长率|增长(?!至)|成长率|同比|环比|年增|年减/;

/** `after` is the text after the figure, when the caller has it: 带动120亿元社会投资. */
export function moneyMetric(lead: string, after = ''): MetricName {
  return INVESTMENT.test(lead) || INVESTMENT_AFTER.test(after) ? 'investment' : 'amount';
}

/** 保持一成以上成长, 实现两位数增长: the growth named after the figure. */
const GROWTH_AFTER = /^(?:以上|左右|上下)?(?:的)?(?:成长|增长)(?!至|到)/;

/** `after` is the text after the figure, when the caller has it: 维持一成以上成长. */
export function percentMetric(lead: string, after = ''): { metric: MetricName; sign: 1 | -1 } {
  if (SHARE_CUE.test(lead)) return { metric: 'share', sign: 1 };
  const change = CHANGE.exec(lead);
  if (change) return { metric: 'growth_rate', sign: FALLS.has(change.groups!.verb!) ? -1 : 1 };
  return { metric: RATE_LABEL.test(lead) || GROWTH_AFTER.test(after) ? 'growth_rate' : 'share', sign: 1 };
}
