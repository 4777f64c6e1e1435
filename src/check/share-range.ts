/**
 * A part of a whole cannot exceed 100% (占比120%), and nothing falls by more than 100% (下降120%).
 * Rates of completion (为年度任务的108.3%, 完成率112%) may pass 100% and are left alone.
 */
import type { Check, Metric } from '../types.js';

const PART_OF_WHOLE = /占|比重|比例|份额|构成|構成/;

function finding(i: number, m: Metric, bound: number, claim: string, message: string, severity: Check['severity']): Check {
  return {
    id: 'share-range', status: 'inconsistent', severity, metrics: [i], claim, message,
    expected: bound, actual: m.value, tolerance: 0, toleranceWhy: 'a bound, not a computed value', spans: [m.span],
  };
}

export function shareRange(metrics: readonly Metric[]): Check[] {
  const out: Check[] = [];
  metrics.forEach((m, i) => {
    if (m.kind !== 'percent') return;
    if (m.metric === 'share' && m.value > 100 && PART_OF_WHOLE.test(m.label ?? '')) {
      out.push(finding(i, m, 100, `${m.text} is a share of a whole (≤ 100%)`, `${m.text} as a share of a whole is over 100%`, 'warning'));
    }
    if (m.metric === 'growth_rate' && m.value < -100) {
      out.push(finding(i, m, -100, `a fall of ${m.text} (≥ −100%)`, `a fall of ${m.text} is impossible: nothing falls by more than 100%`, 'error'));
    }
  });
  return out;
}
