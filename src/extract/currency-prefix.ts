/**
 * The currency written before a number (人民币3亿元, 美元5000万, US$300万, ￥500万), found by looking
 * back from where the number starts. Only numbers right after a currency's last character (or one
 * space after it) are looked at: a table lookup for every other number.
 */
import { CURRENCIES_BEFORE } from './lexicon.js';

const LAST = new Uint8Array(0x10000);
for (const [w] of CURRENCIES_BEFORE) LAST[w.charCodeAt(w.length - 1)] = 1;

/** The characters a number can follow when a currency is written before it (a space too). */
export const CURRENCY_MAY_END = new Uint8Array(LAST);
CURRENCY_MAY_END[32] = 1;

/** Longest first, so that US$ wins over $ and 新加坡元 over 坡元. */
const WORDS = [...CURRENCIES_BEFORE].sort((a, b) => b[0].length - a[0].length);

/** 1美元兑人民币7.1元: after 兑 a currency names a rate, not an amount (折合美元5000万 is one). */
const RATE_BEFORE = /兑$/;

export function currencyBefore(text: string, start: number): { code: string; start: number } | null {
  let end = start;
  if (text.charCodeAt(end - 1) === 32) end--; // 新台币 30亿元
  if (LAST[text.charCodeAt(end - 1)] !== 1) return null;
  for (const [word, code] of WORDS) {
    if (!text.startsWith(word, end - word.length)) continue;
    const from = end - word.length;
    // 1美元兑人民币7.1元 is an exchange rate; A$ or S$ inside a longer code (US$) was matched first
    if (RATE_BEFORE.test(text.slice(Math.max(0, from - 1), from))) return null;
    return { code, start: from };
  }
  return null;
}
