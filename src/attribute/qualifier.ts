import type { Qualifier } from '../types.js';

/** Words right before a number: 约500, 近500万套, 超30亿元, 不低于30万元. */
const BEFORE = new Map<string, Qualifier>([
  ...['不低于', '不少于', '至少', '最少'].map((w) => [w, 'at_least'] as const),
  ...['不到', '不足', '低于', '少于', '未满', '不超过', '不高于', '不多于', '最多'].map((w) => [w, 'under'] as const),
  ...['超过', '超出', '超', '逾', '突破', '多于', '高于', '高达', '多达'].map((w) => [w, 'over'] as const),
  ...['大约', '约合', '约为', '约', '近', '将近', '接近', '大概', '预计'].map((w) => [w, 'approx'] as const),
]);

/** Words that end in 约 or 近 without estimating anything: 签约, 节约, 制约, 最近, 附近. */
const WORD_BEFORE = /[签节制合预条公契违履特邀相]约$|[最附邻]近$/;

/** Words right after the quantity: 100亿元以上, 50家左右, 1000人以下. */
const AFTER = new Map<string, Qualifier>([
  ['以上', 'over'], ['之多', 'over'], ['左右', 'approx'], ['上下', 'approx'], ['以下', 'under'], ['以内', 'under'],
]);

/** (含), （含） after a bound (folded: full-width brackets are ASCII). */
const INCLUDED = /^[(（]含[)）]/;

/**
 * The qualifier of a quantity, from the words around it (folded text).
 * 近500万套: 近 is a qualifier, not part of the number.
 */
export function qualifierAt(text: string, start: number, end: number, inner: Qualifier | null): Qualifier | null {
  // longest word first: 不低于 before 低于, 不超过 before 超过
  for (let n = Math.min(3, start); n >= 1; n--) {
    const q = BEFORE.get(text.slice(start - n, start));
    // 签约14个, 最近3年: 约 and 近 inside a word are no estimate
    if (q && !(n === 1 && WORD_BEFORE.test(text.slice(Math.max(0, start - 2), start)))) return q;
  }
  // 100万元（含）以上: the bracket says the bound is included
  const included = INCLUDED.test(text.slice(end, end + 3));
  const from = included ? end + 3 : end;
  // 11家上下游企业: 上下 starts a word there, it does not estimate
  const after = text.slice(from, from + 2);
  if (included && after === '以上') return 'at_least';
  if (after === '上下' && /[游级层]/.test(text[from + 2] ?? '')) return inner;
  return AFTER.get(after) ?? inner;
}
