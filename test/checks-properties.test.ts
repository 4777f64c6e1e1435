/**
 * Properties of the checks: figures that agree up to the rounding of how they are written never
 * raise a finding, and a breakdown that does not add up never passes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extract } from '../src/index.js';

const verdicts = (text: string, id: string) => extract(text).checks.filter((c) => c.id === id).map((c) => c.status);

describe('check properties', () => {
  it('an exhaustive breakdown is never a finding when its parts add up, and never passes when they do not', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 }), fc.integer({ min: 1, max: 400 }), fc.integer({ min: 1, max: 400 }), fc.integer({ min: -3, max: 3 }), (a, b, c, off) => {
        fc.pre(a + b + c + off > 0);
        const text = `园区共有企业${a + b + c + off}家，分别为制造企业${a}家、研发机构${b}家、服务企业${c}家。`;
        const [status] = verdicts(text, 'parts-total');
        // a part the extraction does not read makes the breakdown unverifiable, never wrong
        if (off === 0) expect(status).not.toBe('inconsistent');
        else expect(status).not.toBe('consistent');
      }),
      { numRuns: 60 },
    );
  });

  it('a growth rate rounded to one decimal from the stated figures is never a finding', () => {
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 9999 }), fc.integer({ min: 1, max: 3000 }), (a10, rise10) => {
        const [a, b] = [a10 / 10, (a10 + rise10) / 10];
        const rate = (((a10 + rise10) / a10 - 1) * 100).toFixed(1);
        const text = `园区营收从${a}亿元增至${b}亿元，增长${rate}%。`;
        expect(verdicts(text, 'growth-rate')).toEqual(['consistent']);
      }),
      { numRuns: 60 },
    );
  });

  it('a share rounded to a whole percent from the stated figures is never a finding', () => {
    fc.assert(
      fc.property(fc.integer({ min: 20, max: 900 }), fc.integer({ min: 1, max: 100 }), (y, pct) => {
        const x = Math.max(1, Math.round((y * pct) / 100));
        const text = `新兴产业产值${x}亿元，占全区工业总产值${y}亿元的${Math.round((x / y) * 100)}%。`;
        expect(verdicts(text, 'share')).toEqual(['consistent']);
      }),
      { numRuns: 60 },
    );
  });
});
