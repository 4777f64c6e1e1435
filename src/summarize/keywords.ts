/**
 * An article's top keywords, by nodejieba's TF-IDF, with the domain dictionary in
 * src/vocab/keywords.dict.txt added to jieba's own so that 专精特新, 规上工业, 营商环境 stay whole
 * (jieba alone cuts them into 专精 + 特新, 规上 + 工业).
 *
 * nodejieba takes ~1.3 s to load its dictionaries: it is required here, on the first call, and
 * only the article card calls this. Extraction never does.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { fold } from '../normalize/fold.js';

interface Jieba {
  DEFAULT_USER_DICT: string;
  load(dicts: { userDict: string }): void;
  extract(text: string, top: number): Array<{ word: string; weight: number }>;
}

/** The domain dictionary, one `word frequency tag` a line (jieba's user-dictionary format). */
export const KEYWORDS_DICT = fileURLToPath(new URL('../vocab/keywords.dict.txt', import.meta.url));

let jieba: Jieba | undefined;

function load(): Jieba {
  if (jieba) return jieba;
  const j = createRequire(import.meta.url)('nodejieba') as Jieba;
  if (!existsSync(KEYWORDS_DICT)) throw new Error(`keyword dictionary missing: ${KEYWORDS_DICT}`);
  // cppjieba reads several user dictionaries separated by |
  j.load({ userDict: `${j.DEFAULT_USER_DICT}|${KEYWORDS_DICT}` });
  jieba = j;
  return j;
}

/** Words that carry no topic in these reports however often they appear. */
const STOP = new Set(['亿元', '万元', '同比', '增长', '实现', '全年', '今年', '去年', '目前', '其中', '累计', '达到', '完成', '个百分点', '百分点', '新建', '新增']);

/** Drop figures, dates and one-character words: keywords say what, the figures say how much. */
function isKeyword(word: string): boolean {
  return [...word].length >= 2 && !/[0-9%.]/.test(word) && !STOP.has(word);
}

/**
 * The `top` keywords of a text, best first, in the text's own script (jieba reads the simplified
 * fold, which has the same length, so each word is found back at its place).
 */
export function keywords(text: string, top = 8): string[] {
  const folded = fold(text).text;
  const words = load().extract(folded, top * 3);
  const out: string[] = [];
  for (const { word } of words) {
    if (!isKeyword(word)) continue;
    const at = folded.indexOf(word);
    out.push(at >= 0 ? text.slice(at, at + word.length) : word);
    if (out.length === top) break;
  }
  return out;
}
