/**
 * Every rule's table of cases (test/cases/*.json): each input must give exactly the expected
 * metrics. An empty `expect` is a negative case; a `todo` is a known gap.
 */
import { describe, expect, it } from 'vitest';
import { extract } from '../src/index.js';
import { compare, loadCases } from './helpers.js';

describe('rule cases', () => {
  for (const [name, c] of loadCases()) {
    if (c.todo) {
      it.todo(`${name} (${c.todo})`);
      continue;
    }
    it(name, () => {
      const result = extract(c.input);
      expect(compare(c.input, result.metrics, c.expect)).toEqual([]);
      for (const m of result.metrics) expect(c.input.slice(m.span[0], m.span[1])).toBe(m.text);
    });
  }
});
