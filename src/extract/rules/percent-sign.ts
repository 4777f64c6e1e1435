import { candidate, type Rule } from '../rule.js';

/** 9.4%, 99.2％ (folded to %) */
export const percentSign: Rule = {
  id: 'percent.sign',
  kind: 'percent',
  first: ' %',
  tail: /\s?%/y,
  build(input) {
    return candidate(this, input, '%');
  },
};
