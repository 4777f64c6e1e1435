import { CURRENCIES } from '../lexicon.js';
import { alternation, candidate, type Rule } from '../rule.js';

const CODES = new Map(CURRENCIES);
const UNIT = alternation(CURRENCIES.map(([w]) => w));

/**
 * 70亿(美元,下同): the currency is stated once for what follows. The amount itself is money, and
 * later bare amounts (50亿) take the same currency (see moneyInherited).
 */
export const moneyDeclared: Rule = {
  id: 'money.declared',
  kind: 'money',
  first: ' (（',
  tail: new RegExp(`\\s?[(（]\\s?(?:单位[:：]\\s?)?(?<scale>万|亿)?(?<unit>${UNIT})\\s?[,，、;；]\\s?下同\\s?[)）]`, 'y'),
  build(input) {
    const { groups } = input.tail;
    const word = groups!.unit!;
    const code = CODES.get(word)!;
    const currency = code === 'local' ? input.doc.localCurrency : code;
    const scale = groups!.scale === '亿' ? 1e8 : groups!.scale === '万' ? 1e4 : 1;
    input.doc.declared = { currency, scale };
    return candidate(this, input, currency, scale);
  },
};
