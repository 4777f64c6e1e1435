import { candidate, type Rule } from '../rule.js';

const MINUS_AFTER = /(?:增长|同比|环比|增速|增幅|变化|为|是|达|[，,：:（(\s])$|^$/;

/** 9.4%, 99.2％ (folded to %) */
export const percentSign: Rule = {
  id: 'percent.sign',
  kind: 'percent',
  first: ' %',
  tail: /\s?%/y,
  build(input) {
    const c = candidate(this, input, '%');
    // 同比增长-3.2%: an explicit minus after a growth word or a break, not a range (10%-15%)
    const { text, token } = input;
    if (text[token.start - 1] === '-' && MINUS_AFTER.test(text.slice(Math.max(0, token.start - 5), token.start - 1))) {
      c.start -= 1;
      c.value = -c.value;
    }
    return c;
  },
};
