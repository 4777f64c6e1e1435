/**
 * Clause and sentence boundaries in folded text: the context windows that labels, nouns,
 * qualifiers and periods are read from. Boundaries are looked up in code-unit tables, not with
 * a regex per character: these run for every figure.
 */

function table(chars: string): Uint8Array {
  const t = new Uint8Array(0x10000);
  for (const ch of chars) t[ch.charCodeAt(0)] = 1;
  return t;
}

/** Ends a clause: ，；。！？：, brackets, quotes and line breaks (folded: full-width is ASCII). */
const CLAUSE = table('，,；;。！？!?：:\n\r()（）【】《》“”「」');
/** Ends a list item too: 7天、10个城市、35家企业. */
const ITEM = table('，,；;。！？!?：:\n\r()（）【】《》、“”「」');
/** Ends a sentence. */
const SENTENCE = table('。！？!?；;\n\r');
/** Ends a paragraph. */
const LINE = table('\n\r');

/** A number in brackets inside a phrase: 今（113）年, 昨（15）日. It parts nothing. */
const BRACKETED_NUMBER = /[(（]\d{1,4}[)）]$/;

function back(text: string, pos: number, stop: Uint8Array, max: number): number {
  let i = pos;
  const limit = Math.max(0, pos - max);
  for (;;) {
    while (i > limit && stop[text.charCodeAt(i - 1)] === 0) i--;
    const ch = text[i - 1];
    if (i <= limit) return i;
    // 9,876亿元: a thousands separator parts nothing
    if (ch === ',' && /\d/.test(text[i - 2] ?? '') && /^\d{3}(?!\d)/.test(text.slice(i, i + 4))) {
      i--;
      continue;
    }
    if (ch !== ')' && ch !== '）') return i;
    const bracketed = BRACKETED_NUMBER.exec(text.slice(Math.max(0, i - 6), i));
    if (!bracketed || !/[\u4e00-\u9fff]/.test(text[i - bracketed[0].length - 1] ?? '')) return i;
    i -= bracketed[0].length;
  }
}

function forward(text: string, pos: number, stop: Uint8Array, max: number): number {
  let i = pos;
  const limit = Math.min(text.length, pos + max);
  while (i < limit && stop[text.charCodeAt(i)] === 0) i++;
  return i;
}

/** The clause text before `pos`, at most `max` characters: "工业投资同比增长" before 6.3%. */
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

const isSpace = (c: number) => c === 32 || c === 9 || c === 0x3000 || c === 0xa0;

/** `[start, end)` of the sentence holding `pos` (bounded to 400 characters either side). */
export function sentenceAt(text: string, pos: number): [number, number] {
  let start = back(text, pos, SENTENCE, 400);
  let end = forward(text, pos, SENTENCE, 400);
  const c = text.charCodeAt(end);
  if (end < text.length && SENTENCE[c] === 1 && c !== 10 && c !== 13) end++;
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  return [start, end];
}

/** `[start, end)` of the paragraph (line) holding `pos`, bounded to 2000 characters either side. */
export function paragraphAt(text: string, pos: number): [number, number] {
  return [back(text, pos, LINE, 2000), forward(text, pos, LINE, 2000)];
}

/**
 * Sentences and paragraphs of one text, for figures visited in text order: a figure in the same
 * sentence as the one before reuses its boundaries instead of scanning for them again.
 */
export class Boundaries {
  private sentence: [number, number] = [0, -1];
  private paragraph: [number, number] = [0, -1];

  constructor(private readonly text: string) {}

  sentenceAt(pos: number): [number, number] {
    if (pos < this.sentence[0] || pos >= this.sentence[1]) this.sentence = sentenceAt(this.text, pos);
    return this.sentence;
  }

  paragraphAt(pos: number): [number, number] {
    if (pos < this.paragraph[0] || pos >= this.paragraph[1]) this.paragraph = paragraphAt(this.text, pos);
    return this.paragraph;
  }
}
