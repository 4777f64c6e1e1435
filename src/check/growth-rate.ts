/**
 * 从A增至B，增长N%: N should be (B/A − 1) × 100, or the compound annual rate for 年均增长N% when
 * both years are stated. When A and B are themselves percentages and N equals B − A, a
 * percentage-point gap was reported as a percent (a warning).
 */
import type { Check, Metric } from '../types.js';
import { fmt, reportedChanges, roundingOf } from './from-to.js';

const ANNUAL = /年均|平均每年|年平均|每年平均/;

function yearOf(period: string | null): number {
  const m = /(\d{4})/.exec(period ?? '');
  return m ? Number(m[1]) : Number.NaN;
}

export function growthRate(metrics: readonly Metric[], text: string): Check[] {
  const out: Check[] = [];
  for (const { a, b, n, involved } of reportedChanges(metrics, text)) {
    if (n.kind !== 'percent' || n.metric !== 'growth_rate' || a.value === 0) continue;
    // 由2012年的100亿元增长到2022年的500亿元，年均增长17.5%: a compound annual rate over the years
    let expected = (b.value / a.value - 1) * 100;
    let change = 'a change';
    if (ANNUAL.test(text.slice(b.span[1], n.span[0]))) {
      const years = yearOf(b.period) - yearOf(a.period);
      if (!(years > 0) || b.value / a.value <= 0) continue;
      expected = ((b.value / a.value) ** (1 / years) - 1) * 100;
      change = `a compound annual change, over ${years} years,`;
    }
    const tolerance = roundingOf(n.raw) + 0.01 * Math.abs(expected) + 0.05;
    if (Math.abs(n.value - expected) <= tolerance) {
      out.push({ id: 'growth-rate', status: 'consistent', severity: 'info', metrics: involved, message: `${a.text} → ${b.text} is ${change} of ${fmt(expected)}%: ${n.text} agrees`, expected, actual: n.value });
    } else if (a.kind === 'percent' && Math.abs(n.value - (b.value - a.value)) <= tolerance) {
      out.push({ id: 'growth-rate', status: 'inconsistent', severity: 'warning', metrics: involved, message: `${a.text} → ${b.text} is ${fmt(b.value - a.value)} percentage points (a ${fmt(expected)}% change): ${n.text} reads as points reported as a percent`, expected, actual: n.value });
    } else {
      out.push({ id: 'growth-rate', status: 'inconsistent', severity: 'error', metrics: involved, message: `${a.text} → ${b.text} is ${change} of ${fmt(expected)}%, not ${n.text}`, expected, actual: n.value });
    }
  }
  return out;
}
