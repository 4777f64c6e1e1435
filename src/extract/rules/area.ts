import { AREA_UNITS } from '../lexicon.js';
import { alternation, candidate, firstChars, type Rule } from '../rule.js';

const FACTOR = new Map(AREA_UNITS);
const UNIT = alternation(AREA_UNITS.map(([w]) => w));

/** 49亩, 20平方公里, 8.6万平方米, 283.2公顷, 13.5万平方公尺: normalized to m². */
export const area: Rule = {
  id: 'area',
  kind: 'area',
  first: firstChars(AREA_UNITS.map(([w]) => w)),
  tail: new RegExp(`\\s?(?<unit>${UNIT})`, 'y'),
  build(input) {
    if (input.token.percentWord) return null;
    const c = candidate(this, input, 'm2', FACTOR.get(input.tail.groups!.unit!)!);
    c.metric = 'area';
    return c;
  },
};
