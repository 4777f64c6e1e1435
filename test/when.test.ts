/**
 * Periods to month ranges, and publication dates from bylines and metadata: tables of cases, and
 * properties that hold for any year and month.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bylineDate, normalizeDate } from '../src/attribute/published.js';
import { resolveWhen } from '../src/attribute/when.js';

const none = { yearBefore: null, spanBefore: null, published: null };
const pub = (published: string) => ({ yearBefore: null, spanBefore: null, published });

describe('when', () => {
  const cases: Array<[string, Parameters<typeof resolveWhen>[1], { from: string; to: string } | null]> = [
    ['2023年', none, { from: '2023-01', to: '2023-12' }],
    ['2023年1—9月', none, { from: '2023-01', to: '2023-09' }],
    ['前三季度', pub('2023-10-20'), { from: '2023-01', to: '2023-09' }],
    ['上半年', pub('2022-07-15'), { from: '2022-01', to: '2022-06' }],
    ['一季度', pub('2024-04-18'), { from: '2024-01', to: '2024-03' }],
    ['3月份', pub('2021-05-01'), { from: '2021-03', to: '2021-03' }],
    ['截至2023年底', none, { from: '2023-12', to: '2023-12' }],
    ['2013—2023', none, { from: '2013-01', to: '2023-12' }],
    ['今年以来', pub('2023-11-03'), { from: '2023-01', to: '2023-11' }],
    ['去年', pub('2024-02-01'), { from: '2023-01', to: '2023-12' }],
    ['今年前10个月', pub('2024-11-10'), { from: '2024-01', to: '2024-10' }],
    ['2023/24年度', none, { from: '2023-04', to: '2024-03' }],
    ['十年来', { yearBefore: null, spanBefore: [2013, 2023], published: null }, { from: '2013-01', to: '2023-12' }],
    ['近年来', pub('2024-01-01'), null],
    ['目前', pub('2024-01-01'), null],
    ['1—9月', none, null],
  ];
  for (const [period, ctx, expected] of cases) it(`${period} → ${expected ? `${expected.from}..${expected.to}` : 'null'}`, () => expect(resolveWhen(period, ctx)).toEqual(expected));

  it('any year and month range resolves to itself, from ≤ to', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1980, max: 2060 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 12 }), (y, a, b) => {
        const [m1, m2] = a <= b ? [a, b] : [b, a];
        const w = resolveWhen(`${y}年${m1}—${m2}月`, none)!;
        expect(w).toEqual({ from: `${y}-${String(m1).padStart(2, '0')}`, to: `${y}-${String(m2).padStart(2, '0')}` });
        expect(w.from <= w.to).toBe(true);
      }),
    );
  });
});

describe('published', () => {
  it('normalises what metadata holds', () => {
    expect(normalizeDate('2023-11-03T09:53:59+08:00')).toBe('2023-11-03');
    expect(normalizeDate('2023/1/5 08:00')).toBe('2023-01-05');
    expect(normalizeDate('2023年11月3日')).toBe('2023-11-03');
    expect(normalizeDate('Fri, 03 Nov 2023 09:53:59 GMT')).toBe('2023-11-03');
    expect(normalizeDate('not a date')).toBeNull();
    expect(normalizeDate(undefined)).toBeNull();
  });

  it('reads a byline or dateline near the top, not a date in running text', () => {
    expect(bylineDate('标题\n2023-11-03 09:53:59 星期五  来源:某某日报\n正文')).toBe('2023-11-03');
    expect(bylineDate('标题\n发布时间：2024年1月8日  来源：某某发布\n正文')).toBe('2024-01-08');
    expect(bylineDate('2022年3月5日，东湖高新区召开项目推进会，会上签约项目12个。')).toBeNull();
  });
});
