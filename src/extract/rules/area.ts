import { AREA_UNITS, NOT_AFTER_PING } from '../lexicon.js';
import { alternation, candidate, firstChars, type Rule } from '../rule.js';

const FACTOR = new Map(AREA_UNITS);
const UNIT = alternation(AREA_UNITS.map(([w]) => w));

/** 49亩, 20平方公里, 8.6万平方米, 283.2公顷, 13.5万平方公尺, 1萬2千坪: normalized to m². */
export const area: Rule = {
  id: 'area',
  kind: 'area',
  first: firstChars(AREA_UNITS.map(([w]) => w)),
  tail: new RegExp(`\\s?(?<unit>${UNIT})`, 'y'),
  build(input) {
    if (input.token.percentWord) return null;
    const unit = input.tail.groups!.unit!;
    if (unit === '坪' && NOT_AFTER_PING.test(input.text.slice(input.token.end + input.tail[0].length))) return null;
    const c = candidate(this, input, 'm2', FACTOR.get(unit)!);
    c.metric = 'area';
    return c;
  },
};
