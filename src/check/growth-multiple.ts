/**
 * 从A增至B，增长了N倍: N should be B/A − 1 (增长N倍 is an increase of N times). Reporting B/A
 * itself is a common slip, flagged as a warning; anything else is an error.
 */
import type { Check, Metric } from '../types.js';
import { reportedChanges } from './from-to.js';
import { judge } from './verdict.js';

export function growthMultiple(metrics: readonly Metric[], text: string): Check[] {
  const out: Check[] = [];
  for (const { a, b, n, involved } of reportedChanges(metrics, text)) {
    if (n.kind !== 'multiple' || a.value <= 0) continue;
    const [ia, ib] = involved as [number, number, number];
    out.push(
      judge({
        id: 'growth-multiple',
        metrics,
        involved,
        claim: `${a.text} → ${b.text}, 增长${n.text} (B/A − 1)`,
        stated: n.value,
        inputs: [ia, ib],
        f: ([x, y]) => y! / x! - 1,
        slip: { value: b.value / a.value, message: `${n.text} is B/A (×${(b.value / a.value).toFixed(2)}), but 增长${n.text} means an increase of ${(b.value / a.value - 1).toFixed(2)} times` },
      }),
    );
  }
  return out;
}
