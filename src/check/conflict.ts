/**
 * One fact stated twice with different values: the same zone, indicator, period and base, in two
 * sentences (the headline says 签约项目8个, the body 9个). The labels must agree too (one contains
 * the other), so a part (工业项目) is never taken for its total (签约项目). A warning: the two
 * figures may still measure different things the attribution does not tell apart.
 */
import type { Check, Metric } from '../types.js';
import { halfUnit } from './verdict.js';

/** Words that do not change what a label measures: 共签约项目 and 今年签约项目 are one thing. */
const FILLER = /共|全年|今年|本年|其中|全区|园区|实现|完成|达到?|[，,、\s]/g;

function core(m: Metric): string {
  return (m.label ?? '').replace(/^.*?(?:区|园)(?=[^区园]*$)/, '').replace(FILLER, '');
}

function sameFact(a: Metric, b: Metric): boolean {
  if (a.indicator === 'other' || a.indicator !== b.indicator || a.zone !== b.zone) return false;
  if (!a.when || !b.when || a.when.from !== b.when.from || a.when.to !== b.when.to || a.base !== b.base) return false;
  if (a.kind !== b.kind || a.unit !== b.unit || a.sentenceSpan[0] === b.sentenceSpan[0]) return false;
  const [x, y] = [core(a), core(b)];
  return x.length > 0 && y.length > 0 && (x.includes(y) || y.includes(x));
}

export function conflict(metrics: readonly Metric[]): Check[] {
  const out: Check[] = [];
  metrics.forEach((a, i) => {
    if (a.qualifier || a.range) return;
    for (let j = i + 1; j < metrics.length; j++) {
      const b = metrics[j]!;
      if (b.qualifier || b.range || !sameFact(a, b)) continue;
      const tolerance = halfUnit(a) + halfUnit(b);
      if (Math.abs(a.value - b.value) <= tolerance) continue;
      out.push({
        id: 'conflict', status: 'inconsistent', severity: 'warning', metrics: [i, j],
        claim: `${a.zone ?? 'the article'}, ${a.indicatorName ?? a.indicator}, ${a.when!.from}..${a.when!.to}: stated as ${a.text} and as ${b.text}`,
        message: `${a.label ?? ''}${a.text} and ${b.label ?? ''}${b.text} state one fact (same zone, indicator and period) with different values`,
        expected: a.value, actual: b.value, tolerance,
        toleranceWhy: 'half a unit in the last written digit of each figure', spans: [a.span, b.span],
      });
      break;
    }
  });
  return out;
}
