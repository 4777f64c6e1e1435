import { candidate, type Rule } from '../rule.js';

/** 百分之十五, 百分之3.5: the scanner has read 百分之 into the token. */
export const percentWord: Rule = {
  id: 'percent.word',
  kind: 'percent',
  first: null,
  tail: /(?:)/y,
  accepts: (token) => token.percentWord,
  build(input) {
    return input.token.percentWord ? candidate(this, input, '%') : null;
  },
};
