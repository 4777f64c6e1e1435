/**
 * 从A增至B，增长N%: N should be (B/A − 1) × 100. When A and B are themselves percentages and N
 * equals B − A, a percentage-point gap was reported as a percent (a warning).
 */
import type { Check, Metric } from '../types.js';
import { fmt, reportedChanges, roundingOf } from './from-to.js';

export function growthRate(metrics: readonly Metric[], text: string): Check[] {
  const out: Check[] = [];
  for (const { a, b, n, involved } of reportedChanges(metrics, text)) {
    if (n.kind !== 'percent' || n.metric !== 'growth_rate' || a.value === 0) continue;
    const expected = (b.value / a.value - 1) * 100;
    const tolerance = roundingOf(n.raw) + 0.01 * Math.abs(expected) + 0.05;
    if (Math.abs(n.value - expected) <= tolerance) {
      out.push({ id: 'growth-rate', severity: 'info', metrics: involved, message: `${a.text} → ${b.text} is a change of ${fmt(expected)}%: ${n.text} agrees`, expected, actual: n.value });
    } else if (a.kind === 'percent' && Math.abs(n.value - (b.value - a.value)) <= tolerance) {
      out.push({ id: 'growth-rate', severity: 'warning', metrics: involved, message: `${a.text} → ${b.text} is ${fmt(b.value - a.value)} percentage points (a ${fmt(expected)}% change): ${n.text} reads as points reported as a percent`, expected, actual: n.value });
    } else {
      out.push({ id: 'growth-rate', severity: 'error', metrics: involved, message: `${a.text} → ${b.text} is a change of ${fmt(expected)}%, not ${n.text}`, expected, actual: n.value });
    }
  }
  return out;
}
