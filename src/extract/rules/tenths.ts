import { CN_DIGIT } from '../lexicon.js';
import { candidate, clean, type Rule } from '../rule.js';

/**
 * 成 is tenths: 九成七 → 97%, 三成多 → 30% (over), 八成 → 80%, 八成半 → 85%, 7.5成 → 75%, 半成 → 5%.
 * 一成不变, 成本, 成功, 半成品, 三五成群 and the like are words, not tenths.
 */
export const tenths: Rule = {
  id: 'percent.tenths',
  kind: 'percent',
  first: ' 成',
  tail: /\s?成(?<digit>[一二三四五六七八九])?(?<half>半)?(?<more>多|以上)?(?![本功立交果员熟长效品套型绩就都不群])/y,
  build(input) {
    const { token, tail } = input;
    // 7.5成, 半成, 12 成 (digits may pass ten: growth of 120%); not 7.25成, nor 十二成 in numerals
    if (token.percentWord || token.value < 0.5 || token.value > (token.chinese ? 10 : 99) || !Number.isInteger(token.value * 10)) return null;
    if (token.value === 0.5 && (tail.groups?.digit || tail.groups?.half)) return null;
    if (!Number.isInteger(token.value) && tail.groups?.digit) return null;
    const digit = tail.groups?.digit ? CN_DIGIT[tail.groups.digit]! : tail.groups?.half ? 5 : 0;
    const c = candidate(this, input, '%');
    c.value = clean(token.value * 10 + digit);
    // one 成 is ten percent: what the low end of 七八成 is multiplied by
    c.unitFactor = 10;
    if (tail.groups?.more || token.over) c.qualifier = 'over';
    return c;
  },
};
