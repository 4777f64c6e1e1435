/**
 * The generated script data is what opencc-js's dictionaries give today (npm run gen:tables).
 */
import { describe, expect, it } from 'vitest';
import { fold } from '../src/normalize/fold.js';
import { buildScriptTables } from '../src/normalize/script-tables-builder.js';
import { scriptTables } from '../src/normalize/script-tables.js';

describe('script tables', () => {
  it('match a fresh build from the opencc-js dictionaries', () => {
    const fresh = buildScriptTables();
    const shipped = scriptTables();
    expect(Buffer.from(shipped.toSimplified.buffer).equals(Buffer.from(fresh.toSimplified.buffer))).toBe(true);
    expect(Buffer.from(shipped.traditionalOnly).equals(Buffer.from(fresh.traditionalOnly))).toBe(true);
    expect(Buffer.from(shipped.simplifiedOnly).equals(Buffer.from(fresh.simplifiedOnly))).toBe(true);
  });

  it.each([
    ['億萬個項畝', '亿万个项亩'],
    ['１２３．４５％', '123.45%'],
    ['2‧25', '2.25'],
    ['總投資', '总投资'],
    ['裡為眾', '里为众'],
  ])('folds %s to %s, keeping the length', (input, folded) => {
    expect(fold(input).text).toBe(folded);
  });
});
