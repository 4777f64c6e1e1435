import { CURRENCIES } from '../lexicon.js';
import { alternation, candidate, type Rule } from '../rule.js';

const CODES = new Map(CURRENCIES);
const UNIT = alternation(CURRENCIES.map(([w]) => w));

/** 797.3亿元, 5520万美元, 三千万元, 2兆3,248亿元; 元 is the report's local currency. */
export const money: Rule = {
  id: 'money.currency',
  kind: 'money',
  // 元旦, 元宵, 元件: words, not the currency
  tail: new RegExp(`\\s?(?<unit>${UNIT})`, 'y'),
  build(input) {
    if (input.token.percentWord) return null;
    const word = input.tail.groups!.unit!;
    if (word === '元' && /[旦宵素件器]/.test(input.text[input.tail.index + input.tail[0].length] ?? '')) return null;
    const code = CODES.get(word)!;
    return candidate(this, input, code === 'local' ? input.doc.localCurrency : code);
  },
};
