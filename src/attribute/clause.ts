/**
 * Clause and sentence boundaries in folded text: the context windows that labels, nouns,
 * qualifiers and periods are read from.
 */

/** Ends a clause: ，；。！？：, brackets and line breaks. */
const CLAUSE = /[，,；;。！？!?：:\n\r()（）【】《》“”「」]/;
/** Ends a list item too: 7天、10个城市、35家企业. */
const ITEM = /[，,；;。！？!?：:\n\r()（）【】《》、“”「」]/;
/** Ends a sentence. */
const SENTENCE = /[。！？!?；;\n\r]/;

function back(text: string, pos: number, stop: RegExp, max: number): number {
  let i = pos;
  const limit = Math.max(0, pos - max);
  while (i > limit && !stop.test(text[i - 1]!)) i--;
  return i;
}

function forward(text: string, pos: number, stop: RegExp, max: number): number {
  let i = pos;
  const limit = Math.min(text.length, pos + max);
  while (i < limit && !stop.test(text[i]!)) i++;
  return i;
}

/** The clause text before `pos`, at most `max` characters: "固定资产投资同比增长" before 20.1%. */
export function clauseBefore(text: string, pos: number, max = 40): string {
  return text.slice(back(text, pos, CLAUSE, max), pos);
}

export function clauseStart(text: string, pos: number, max = 40): number {
  return back(text, pos, CLAUSE, max);
}

/** The list item before `pos`: "、" is a boundary too. */
export function itemBefore(text: string, pos: number, max = 20): string {
  return text.slice(back(text, pos, ITEM, max), pos);
}

/** The clause text after `pos`, at most `max` characters. */
export function clauseAfter(text: string, pos: number, max = 20): string {
  return text.slice(pos, forward(text, pos, CLAUSE, max));
}

/** The list item after `pos`: "、" is a boundary too. */
export function itemAfter(text: string, pos: number, max = 12): string {
  return text.slice(pos, forward(text, pos, ITEM, max));
}

/** `[start, end)` of the sentence holding `pos` (bounded to 400 characters either side). */
export function sentenceAt(text: string, pos: number): [number, number] {
  let start = back(text, pos, SENTENCE, 400);
  let end = forward(text, pos, SENTENCE, 400);
  if (end < text.length && SENTENCE.test(text[end]!) && text[end] !== '\n' && text[end] !== '\r') end++;
  while (start < end && /\s/.test(text[start]!)) start++;
  return [start, end];
}

/** `[start, end)` of the paragraph (line) holding `pos`, bounded to 2000 characters either side. */
export function paragraphAt(text: string, pos: number): [number, number] {
  return [back(text, pos, /[\n\r]/, 2000), forward(text, pos, /[\n\r]/, 2000)];
}
