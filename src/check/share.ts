/**
 * X占Y的N%: N = X / Y × 100, when X and Y are both stated: in one sentence (园区产值60亿元，占全区
 * 工业产值100亿元的60%), or as a part and its total (总投资86亿元，其中工业投资60亿元，占比69.8%).
 */
import type { Check, Metric } from '../types.js';
import { additive, fullSentenceAt, sameQuantity } from './figures.js';
import { breakdowns } from './parts-total.js';
import { quotient } from './verdict.js';

const SHARE_OF = /占(?!地)/;
const SHARE_WORD = /占比|比重|所占比例|占到?$/;

export function share(metrics: readonly Metric[], text: string): Check[] {
  const out: Check[] = [];
  const partOf = new Map<number, number>();
  for (const b of breakdowns(metrics, text)) for (const p of b.parts) partOf.set(p, b.total);
  metrics.forEach((n, k) => {
    if (n.kind !== 'percent' || n.metric === 'growth_rate') return;
    const [sentenceStart] = fullSentenceAt(text, n.span[0]);
    const before = text.slice(sentenceStart, n.span[0]);
    if (/分别/.test(before.slice(-8))) return;
    const at = before.search(/占(?!地)[^,，;；。]*$/);
    let x: number | null = null;
    let y: number | null = null;
    if (at >= 0 && SHARE_OF.test(before)) {
      const occupies = sentenceStart + at;
      // Y between 占 and N; X the closest figure of the same quantity before 占
      for (let j = k - 1; j >= 0 && metrics[j]!.span[0] >= occupies; j--) if (additive(metrics[j]!)) y = j;
      if (y !== null) {
        for (let j = k - 1; j >= 0 && metrics[j]!.span[0] >= sentenceStart; j--) {
          if (metrics[j]!.span[1] <= occupies && additive(metrics[j]!) && sameQuantity(metrics[j]!, metrics[y]!)) {
            x = j;
            break;
          }
        }
      }
    }
    if (x === null && SHARE_WORD.test(before.slice(-10))) {
      // 其中工业投资60亿元，占比69.8%: the part just before, against its total
      for (let j = k - 1; j >= 0 && metrics[j]!.span[0] >= sentenceStart; j--) {
        if (!additive(metrics[j]!)) continue;
        // 占规上工业产值比重: a base named in words must be the total the part belongs to
        const named = /占([^,，;；。]*?)的?(?:比重|比例)[^,，;；。]*$/.exec(before)?.[1]?.replace(/^(?:全区|全市|全县|园区)/, '') ?? '';
        if (partOf.has(j) && (named === '' || (metrics[partOf.get(j)!]!.label ?? '').includes(named))) {
          x = j;
          y = partOf.get(j)!;
        }
        break;
      }
    }
    if (x === null || y === null || metrics[y]!.value === 0) return;
    const X = metrics[x]!;
    const Y = metrics[y]!;
    out.push(quotient('share', metrics, [x, y], k, `${X.text} of ${(Y.label ?? '').replace(/^占/, '')}${Y.text} is ${n.text} (X / Y)`, 100));
  });
  return out;
}
