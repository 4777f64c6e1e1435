/**
 * 从A增至B，增长了N倍: N should be B/A − 1 (增长N倍 is an increase of N times). Reporting B/A
 * itself is a common slip, flagged as a warning; anything else is an error.
 */
import type { Check, Metric } from '../types.js';
import { fmt, reportedChanges, roundingOf } from './from-to.js';

export function growthMultiple(metrics: readonly Metric[], text: string): Check[] {
  const out: Check[] = [];
  for (const { a, b, n, involved } of reportedChanges(metrics, text)) {
    if (n.kind !== 'multiple' || a.value <= 0) continue;
    const ratio = b.value / a.value;
    const expected = ratio - 1;
    // the inputs are rounded too: allow the rounding of N plus 1% of the ratio
    const tolerance = roundingOf(n.raw) + 0.01 * ratio;
    const base = `${a.text} → ${b.text} is ×${fmt(ratio)}`;
    if (Math.abs(n.value - expected) <= tolerance) {
      out.push({ id: 'growth-multiple', status: 'consistent', severity: 'info', metrics: involved, message: `${base}, an increase of ${fmt(expected)} times: ${n.text} agrees`, expected, actual: n.value });
    } else if (Math.abs(n.value - ratio) <= tolerance) {
      out.push({ id: 'growth-multiple', status: 'inconsistent', severity: 'warning', metrics: involved, message: `${base}: ${n.text} states the ratio, but 增长${n.text} means an increase of ${fmt(expected)} times`, expected, actual: n.value });
    } else {
      out.push({ id: 'growth-multiple', status: 'inconsistent', severity: 'error', metrics: involved, message: `${base}, an increase of ${fmt(expected)} times, not ${n.text}`, expected, actual: n.value });
    }
  }
  return out;
}
