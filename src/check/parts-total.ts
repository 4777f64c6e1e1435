/**
 * 总投资X亿元，其中A亿元…B亿元: the parts after 其中 cannot add up to more than the total.
 */
import type { Check, Metric } from '../types.js';
import { fmt } from './from-to.js';

export function partsTotal(metrics: readonly Metric[], text: string): Check[] {
  const out: Check[] = [];
  for (let i = 0; i < metrics.length; i++) {
    const total = metrics[i]!;
    if (total.kind !== 'money' && total.kind !== 'count' && total.kind !== 'area') continue;
    if (total.range || total.qualifier === 'under') continue;
    const sentenceEnd = total.sentenceSpan[1];
    const near = text.slice(total.span[1], Math.min(sentenceEnd, total.span[1] + 14));
    if (!near.includes('其中')) continue;
    const parts: number[] = [];
    for (let j = i + 1; j < metrics.length; j++) {
      const p = metrics[j]!;
      if (p.span[0] >= sentenceEnd) break;
      if (p.kind === total.kind && p.unit === total.unit && p.metric === total.metric && !p.range) parts.push(j);
    }
    if (parts.length === 0) continue;
    const sum = parts.reduce((s, j) => s + metrics[j]!.value, 0);
    if (sum > total.value * (1 + 1e-9)) {
      const names = parts.map((j) => metrics[j]!.text).join(' + ');
      out.push({ id: 'parts-total', status: 'inconsistent', severity: 'error', metrics: [i, ...parts], message: `the parts after 其中 (${names} = ${fmt(sum)}) exceed the total ${total.text}`, expected: total.value, actual: sum });
    }
  }
  return out;
}
