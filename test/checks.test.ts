/**
 * The consistency checks, table-driven from test/check-cases/*.json (one file per relation type):
 * each input must give exactly the expected verdicts (id, status, severity), in any order.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { conflict } from '../src/check/conflict.js';
import { priorPeriod } from '../src/check/current-prior.js';
import { halfUnit } from '../src/check/verdict.js';
import { extract } from '../src/index.js';
import type { Check, Metric } from '../src/types.js';
import { ROOT } from './helpers.js';

interface Verdict {
  id: string;
  status: string;
  severity: string;
}
interface CheckCase {
  input: string;
  expect: Verdict[];
}

const DIR = path.join(ROOT, 'test', 'check-cases');
const key = (v: Verdict) => `${v.id}/${v.status}/${v.severity}`;

for (const file of readdirSync(DIR).filter((f) => f.endsWith('.json'))) {
  const cases = JSON.parse(readFileSync(path.join(DIR, file), 'utf8')) as CheckCase[];
  describe(`checks: ${file}`, () => {
    it.each(cases.map((c) => [c.input, c] as const))('%s', (_input, c) => {
      const r = extract(c.input);
      expect(r.checks.map(key).sort()).toEqual(c.expect.map(key).sort());
      for (const k of r.checks) auditable(k, r.metrics, c.input);
    });
  });
}

/** Every verdict names its figures by index and span, says its claim, and explains its tolerance. */
function auditable(k: Check, metrics: Metric[], text: string): void {
  expect(k.claim.length).toBeGreaterThan(0);
  expect(k.toleranceWhy).toBeTruthy();
  expect(k.spans).toHaveLength(k.metrics.length);
  k.metrics.forEach((i, n) => {
    expect(metrics[i]).toBeDefined();
    expect(k.spans[n]).toEqual(metrics[i]!.span);
    expect(text.slice(...k.spans[n]!)).toBe(metrics[i]!.text);
  });
  if (k.status === 'unverifiable') expect(k.severity).toBe('info');
  if (k.status === 'consistent') expect(k.severity).toBe('info');
  if (k.status === 'inconsistent') expect(k.severity).not.toBe('info');
}

describe('rounding', () => {
  it.each([
    ['86亿元', 8.6e9, 'money', 5e7],
    ['9.4%', 9.4, 'percent', 0.05],
    ['3.15亿元', 3.15e8, 'money', 5e5],
    ['40个', 40, 'count', 0],
    ['1.2万家', 12000, 'count', 500],
    ['八十六亿元', 8.6e9, 'money', 5e7],
  ] as const)('%s: half a unit in the last written digit', (raw, value, kind, half) => {
    expect(halfUnit({ raw, value, kind } as Metric)).toBeCloseTo(half, 6);
  });
});

/**
 * Conflicts need zone, indicator and period, filled in by attribution: here they are set by hand
 * on figures extracted from a constructed article, so the check is tested on its own.
 */
describe('conflict', () => {
  const text = '云溪经开区今年签约项目8个。大会上，云溪经开区共签约项目9个，其中先进制造项目5个。';
  const attributed = (): Metric[] =>
    extract(text).metrics.map((m) => ({
      ...m,
      zone: '云溪经济技术开发区',
      indicator: 'signed_projects',
      indicatorName: '签约项目',
      when: { from: '2024-01', to: '2024-12' },
    }));

  it('one fact stated twice with different values is a finding, naming both figures', () => {
    const ms = attributed();
    const found = conflict(ms);
    expect(found).toHaveLength(1);
    expect(found[0]!.status).toBe('inconsistent');
    expect(found[0]!.spans.map((s) => text.slice(...s))).toEqual(['8个', '9个']);
  });

  it('a part (先进制造项目) is never taken for its total', () => {
    const ms = attributed();
    ms[0] = { ...ms[0]!, value: 9, raw: '9个', text: '9个' };
    expect(conflict(ms)).toEqual([]);
  });

  it('a subset (省级重点项目 within 重点项目) and the money of different groups are different facts', () => {
    const t = '云溪经开区今年共有重点项目40个，总投资300亿元。其中列入省级重点项目10个，总投资98亿元；列入区级重点项目30个，总投资202亿元。';
    const ms = extract(t).metrics.map((m) => ({
      ...m,
      zone: '云溪经济技术开发区',
      indicator: m.kind === 'money' ? 'project_investment' : 'key_projects',
      indicatorName: null,
      when: { from: '2024-01', to: '2024-12' },
    }));
    expect(ms.map((m) => m.text)).toEqual(['40个', '300亿元', '10个', '98亿元', '30个', '202亿元']);
    expect(conflict(ms)).toEqual([]);
    // the same in traditional script: labels are compared folded
    const tw = extract(t.replace(/总/g, '總').replace(/级/g, '級').replace(/点/g, '點').replace(/资/g, '資')).metrics;
    expect(conflict(tw.map((m, i) => ({ ...m, zone: ms[i]!.zone, indicator: ms[i]!.indicator, when: ms[i]!.when })))).toEqual([]);
  });

  it('different periods, zones or indicators are different facts', () => {
    for (const change of [
      { when: { from: '2023-01', to: '2023-12' } },
      { zone: '青山高新区' },
      { indicator: 'other' },
      { qualifier: 'over' as const },
    ]) {
      const ms = attributed();
      ms[0] = { ...ms[0]!, ...change };
      expect(conflict(ms)).toEqual([]);
    }
  });
});

/** A value, its rate and the prior year's value stated apart: attribution fields set by hand. */
describe('current-prior across the article', () => {
  const text = '2023年，云溪经开区实现营收80亿元。2024年，云溪经开区实现营收92亿元，同比增长15%。';
  const attributed = (rate: string): Metric[] => {
    const t = text.replace('15%', rate);
    return extract(t).metrics.map((m) => ({
      ...m,
      zone: '云溪经济技术开发区',
      indicator: m.kind === 'money' ? 'revenue' : 'other',
      when: /2023年/.test(t.slice(m.sentenceSpan[0], m.span[0])) ? { from: '2023-01', to: '2023-12' } : { from: '2024-01', to: '2024-12' },
    }));
  };
  it('agrees when the rate follows from the two years', () => {
    expect(priorPeriod(attributed('15%'), text).map((c) => c.status)).toEqual(['consistent']);
  });
  it('is a finding when it does not, naming all three figures', () => {
    const t = text.replace('15%', '25%');
    const found = priorPeriod(attributed('25%'), t);
    expect(found.map((c) => c.status)).toEqual(['inconsistent']);
    expect(found[0]!.spans.map((s) => t.slice(...s))).toEqual(['80亿元', '92亿元', '25%']);
  });
  it('needs the prior year: another zone is no prior value', () => {
    const ms = attributed('25%');
    ms[0] = { ...ms[0]!, zone: '青山高新区' };
    expect(priorPeriod(ms, text.replace('15%', '25%'))).toEqual([]);
  });
});
