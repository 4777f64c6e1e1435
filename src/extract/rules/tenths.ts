import { CN_DIGIT } from '../lexicon.js';
import { candidate, type Rule } from '../rule.js';

/**
 * 成 is tenths: 九成七 → 97%, 三成多 → 30% (over), 八成 → 80%.
 * 一成不变, 成本, 成功 and the like are words, not tenths.
 */
export const tenths: Rule = {
  id: 'percent.tenths',
  kind: 'percent',
  first: '成',
  tail: /成(?<digit>[一二三四五六七八九])?(?<more>多|以上)?(?![本功立交果员熟长效品套型绩就都不])/y,
  build(input) {
    const { token, tail } = input;
    if (token.percentWord || token.value < 1 || token.value > 10 || !Number.isInteger(token.value)) return null;
    const digit = tail.groups?.digit ? CN_DIGIT[tail.groups.digit]! : 0;
    const c = candidate(this, input, '%');
    c.value = token.value * 10 + digit;
    if (tail.groups?.more || token.over) c.qualifier = 'over';
    return c;
  },
};
