/**
 * 由A%增至B%，提高N个百分点: N should be B − A. When N equals the relative change
 * (B/A − 1) × 100 instead, a percent change was reported as points (a warning).
 */
import type { Check, Metric } from '../types.js';
import { fmt, reportedChanges, roundingOf } from './from-to.js';

export function percentagePoint(metrics: readonly Metric[], text: string): Check[] {
  const out: Check[] = [];
  for (const { a, b, n, involved } of reportedChanges(metrics, text)) {
    if (a.kind !== 'percent' || n.kind !== 'percentage_point') continue;
    const expected = b.value - a.value;
    const tolerance = roundingOf(n.raw) + roundingOf(a.raw) + roundingOf(b.raw);
    const relative = a.value ? (b.value / a.value - 1) * 100 : NaN;
    if (Math.abs(Math.abs(n.value) - Math.abs(expected)) <= tolerance) {
      out.push({ id: 'percentage-point', status: 'consistent', severity: 'info', metrics: involved, message: `${a.text} → ${b.text} is ${fmt(expected)} percentage points: ${n.text} agrees`, expected, actual: n.value });
    } else if (Math.abs(n.value - relative) <= tolerance + 0.01 * Math.abs(relative)) {
      out.push({ id: 'percentage-point', status: 'inconsistent', severity: 'warning', metrics: involved, message: `${a.text} → ${b.text} is ${fmt(expected)} percentage points; ${n.text} is the relative change (${fmt(relative)}%) reported as points`, expected, actual: n.value });
    } else {
      out.push({ id: 'percentage-point', status: 'inconsistent', severity: 'error', metrics: involved, message: `${a.text} → ${b.text} is ${fmt(expected)} percentage points, not ${n.text}`, expected, actual: n.value });
    }
  }
  return out;
}
