import { BARE_END } from './money-bare.js';
import { candidate, type Rule } from '../rule.js';

/** 5000万至1亿: the low end of a range waits for the high end, which gives both their unit. */
const RANGE_NEXT = /\s?(?:[(（]含[)）])?\s?(?:——|[至到—–\-~～－])\s?[0-9零〇一二两三四五六七八九十百千]/y;

/**
 * 美元5000万, US$300万, HK$1,200, ￥500万: an amount with its currency written before it and no unit
 * after (港币1200万元, with 元, is money.currency's).
 */
export const moneyPrefix: Rule = {
  id: 'money.prefix',
  kind: 'money',
  first: null,
  tail: /(?:)/y,
  accepts: (token) => token.currency !== null && !token.percentWord,
  build(input) {
    const { token, text } = input;
    if (!token.currency || token.percentWord) return null;
    BARE_END.lastIndex = token.end;
    if (!BARE_END.test(text)) return null;
    RANGE_NEXT.lastIndex = token.end;
    if (RANGE_NEXT.test(text)) return null;
    const c = candidate(this, input, token.currency);
    c.start = token.currencyStart;
    return c;
  },
};
