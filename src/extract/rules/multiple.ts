import { candidate, type Rule } from '../rule.js';

/** 增长了3.4倍, 提高2倍; not 倍数 or 倍增 (a name for doubling plans). */
export const multiple: Rule = {
  id: 'multiple',
  kind: 'multiple',
  first: '倍',
  tail: /倍(?![数增])/y,
  build(input) {
    if (input.token.percentWord) return null;
    return { ...candidate(this, input, 'x'), metric: 'growth_multiple' };
  },
};
