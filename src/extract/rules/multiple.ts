import { candidate, type Rule } from '../rule.js';

/** 两倍多, 3倍多: 多 after 倍 says "more than" (not 多元, 多种, 多个…, which start a word). */
const MORE_AFTER = /^多(?![元样种个家项次方层极头维措条年位名])/;

/** 增长了3.4倍, 提高2倍, 两倍多 (over); not 倍数 or 倍增 (a name for doubling plans). */
export const multiple: Rule = {
  id: 'multiple',
  kind: 'multiple',
  first: '倍',
  tail: /倍(?![数增])/y,
  build(input) {
    if (input.token.percentWord) return null;
    const c = candidate(this, input, 'x');
    if (MORE_AFTER.test(input.text.slice(c.end, c.end + 2))) c.qualifier = 'over';
    return { ...c, metric: 'growth_multiple' };
  },
};
