import { candidate, type Rule } from '../rule.js';

/** 5.3个百分点, 0.8百分点 */
export const percentagePoint: Rule = {
  id: 'percentage_point',
  kind: 'percentage_point',
  first: ' 个百',
  tail: /\s?个?百分点/y,
  build(input) {
    if (input.token.percentWord) return null;
    return { ...candidate(this, input, 'pp'), metric: 'percentage_point' };
  },
};
