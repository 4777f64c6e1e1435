/**
 * Which metric a money or percent figure is, from the words that lead up to it.
 */
import type { MetricName } from '../types.js';

const INVESTMENT = /投资|投入|耗资|外资|内资|引资|签约|总投|到位资金/;

/** 增长9.4%, 同比下降3.2%, 降低了10%: a rate of change right before the percent. */
const CHANGE =
  /(?<verb>负增长|增长|成长|增加|增幅|增速|上升|提高|提升|上涨|回升|下降|降低|减少|回落|下滑|下跌|缩减|衰退|减|降|增)(?:了|为|达到|达)?(?:约|近|超过|超|逾)?$/;
const FALL = /负增长|下降|降低|减少|回落|下滑|下跌|缩减|衰退|减|降/;

/** 增至90%, 提高至63.8%, 达到54.2%, 占…的16%: a level, not a change. */
const LEVEL = /(?:至|到|达到|达|为|是|占|的|由|从)(?:约|近)?$/;
const RATE_LABEL = /增速|增幅|增长率|增长(?!至)|成长率|同比|环比|年增|年减/;

export function moneyMetric(lead: string): MetricName {
  return INVESTMENT.test(lead) ? 'investment' : 'amount';
}

export function percentMetric(lead: string): { metric: MetricName; sign: 1 | -1 } {
  const change = CHANGE.exec(lead);
  if (change) return { metric: 'growth_rate', sign: FALL.test(change.groups!.verb!) ? -1 : 1 };
  if (LEVEL.test(lead)) return { metric: RATE_LABEL.test(lead) ? 'growth_rate' : 'share', sign: 1 };
  return { metric: RATE_LABEL.test(lead) ? 'growth_rate' : 'share', sign: 1 };
}
