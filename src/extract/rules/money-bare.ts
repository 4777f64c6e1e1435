import { clauseBefore } from '../../text/clause.js';
import { candidate, type Rule } from '../rule.js';

/** What may follow a bare amount: punctuation, the end, or a few function words (总投资50亿，). */
export const BARE_END = /[\s,;:。！？!?、)）的和及与或增同占较比以左]|$/y;

/** 30亿项目落地, 百亿级项目: an amount in 亿 before 项目 is the size of a project (money), never a count. */
const PROJECT_AFTER = /的?(?:重点|重大|产业|工业|招商|签约|在建|新开工)?大?项目/y;

/** A label that makes a bare 亿 an amount of money: 总投资50亿, 产值1.2万亿. */
const MONEY_LABEL = /投资|产值|收入|营收|营业额|销售额|出口额|进出口|贸易额|金额|总额|资金|经费|预算|补助|补贴|GDP|生产总值|利润|税收|融资|基金|资产|贷款|交易额|消费|市值/;

/**
 * A bare amount with no unit: money when a currency was declared earlier (70亿(美元,下同) … 50亿),
 * when it counts in 亿 after a money label (总投资50亿, 营收突破1.5兆), or before 项目 (30亿项目落地).
 */
export const moneyBare: Rule = {
  id: 'money.bare',
  kind: 'money',
  first: null,
  tail: /(?:)/y,
  accepts: (token) => token.magnitude >= 1e4 && !token.percentWord,
  build(input) {
    const { token, text, doc } = input;
    if (token.percentWord || token.magnitude < 1e4) return null;
    PROJECT_AFTER.lastIndex = token.end;
    if (token.magnitude >= 1e8 && PROJECT_AFTER.test(text)) return candidate(this, input, doc.declared?.currency ?? doc.localCurrency);
    BARE_END.lastIndex = token.end;
    if (!BARE_END.test(text)) return null;
    if (doc.declared) return candidate(this, input, doc.declared.currency);
    if (token.magnitude >= 1e8 && MONEY_LABEL.test(clauseBefore(text, token.start))) {
      return candidate(this, input, doc.localCurrency);
    }
    return null;
  },
};
