/**
 * 从A增至B，增加X: X should be B − A, in the same unit (企业由120家增加到150家，增加30家).
 */
import type { Check, Metric } from '../types.js';
import { sameQuantity } from './figures.js';
import { reportedChanges } from './from-to.js';
import { judge } from './verdict.js';

export function changeAmount(metrics: readonly Metric[], text: string): Check[] {
  const out: Check[] = [];
  for (const { a, b, n, involved } of reportedChanges(metrics, text)) {
    if (a.kind === 'percent' || !sameQuantity(a, n) || !sameQuantity(a, b)) continue;
    const [ia, ib] = involved as [number, number, number];
    out.push(
      judge({
        id: 'change-amount',
        metrics,
        involved,
        claim: `${a.text} → ${b.text}, a change of ${n.text} (B − A)`,
        stated: Math.abs(n.value),
        inputs: [ia, ib],
        f: ([x, y]) => Math.abs(y! - x!),
      }),
    );
  }
  return out;
}
