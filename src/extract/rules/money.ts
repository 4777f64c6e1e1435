import { CURRENCIES } from '../lexicon.js';
import { alternation, candidate, firstChars, type Rule } from '../rule.js';

const CODES = new Map(CURRENCIES);
const UNIT = alternation(CURRENCIES.map(([w]) => w));

const DECLARATION = new RegExp(`\\s?[(（]\\s?(?<unit>${UNIT})\\s?[,，、]\\s?下同\\s?[)）]`, 'y');

/** 797.3亿元, 5520万美元, 三千万元, 2兆3,248亿元; 元 is the report's local currency unless one is written before. */
export const money: Rule = {
  id: 'money.currency',
  kind: 'money',
  first: firstChars(CURRENCIES.map(([w]) => w)),
  // 元旦, 元宵, 元件: words, not the currency
  tail: new RegExp(`\\s?(?<unit>${UNIT})`, 'y'),
  build(input) {
    if (input.token.percentWord) return null;
    const word = input.tail.groups!.unit!;
    if (word === '元' && /[旦宵素件器]/.test(input.text[input.tail.index + input.tail[0].length] ?? '')) return null;
    let code = CODES.get(word)!;
    // 30亿元（港元，下同）: the bracket names the currency of this amount and of bare ones after it
    DECLARATION.lastIndex = input.token.end + input.tail[0].length;
    const declared = DECLARATION.exec(input.text);
    if (declared) {
      code = CODES.get(declared.groups!.unit!)!;
      if (code !== 'local') input.doc.declared = { currency: code, scale: 1 };
    }
    // 港币1200万元, 人民币3亿元: the currency before the number says what 元 is
    const before = input.token.currency;
    const c = candidate(this, input, code === 'local' ? (before ?? input.doc.localCurrency) : code);
    if (before) c.start = input.token.currencyStart;
    return c;
  },
};
