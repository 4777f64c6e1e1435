/**
 * 由A%增至B%，提高N个百分点: N should be B − A. When N equals the relative change
 * (B/A − 1) × 100 instead, a percent change was reported as points (a warning).
 */
import type { Check, Metric } from '../types.js';
import { reportedChanges } from './from-to.js';
import { judge } from './verdict.js';

export function percentagePoint(metrics: readonly Metric[], text: string): Check[] {
  const out: Check[] = [];
  for (const { a, b, n, involved } of reportedChanges(metrics, text)) {
    if (a.kind !== 'percent' || n.kind !== 'percentage_point') continue;
    const [ia, ib] = involved as [number, number, number];
    const relative = a.value ? Math.abs(b.value / a.value - 1) * 100 : NaN;
    out.push(
      judge({
        id: 'percentage-point',
        metrics,
        involved,
        claim: `${a.text} → ${b.text}, ${n.text} (B − A)`,
        stated: Math.abs(n.value),
        inputs: [ia, ib],
        f: ([x, y]) => Math.abs(y! - x!),
        slip: { value: relative, message: `${n.text} is the relative change (${relative.toFixed(2)}%) reported as points; B − A is ${Math.abs(b.value - a.value).toFixed(2)}` },
      }),
    );
  }
  return out;
}
