import type { Qualifier } from '../types.js';

/** Words right before a number: 约500, 近500万套, 超30亿元, 不低于30万元. Longest first. */
const BEFORE: ReadonlyArray<readonly [RegExp, Qualifier]> = [
  [/(?:不低于|不少于|至少|最少)$/, 'at_least'],
  [/(?:不到|不足|低于|少于|未满)$/, 'under'],
  [/(?:超过|超出|超|逾|突破|多于|高于|高达|多达)$/, 'over'],
  [/(?:大约|约合|约为|约|近|将近|接近|大概|预计)$/, 'approx'],
];

/** Words right after the quantity: 100亿元以上, 50家左右, 1000人以下. */
const AFTER: ReadonlyArray<readonly [RegExp, Qualifier]> = [
  [/^(?:以上|之多)/, 'over'],
  [/^(?:左右|上下)/, 'approx'],
  [/^(?:以下|以内)/, 'under'],
];

/**
 * The qualifier of a quantity, from the words around it (folded text).
 * 近500万套: 近 is a qualifier, not part of the number.
 */
export function qualifierAt(text: string, start: number, end: number, inner: Qualifier | null): Qualifier | null {
  const before = text.slice(Math.max(0, start - 3), start);
  for (const [re, q] of BEFORE) if (re.test(before)) return q;
  const after = text.slice(end, end + 2);
  for (const [re, q] of AFTER) if (re.test(after)) return q;
  return inner;
}
